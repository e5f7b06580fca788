using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Configuration;

/// <summary><c>"limits": { "maxFindingsPerFile": 200, "maxFindingsPerRun": 5000 }</c>: how many findings a report shows.</summary>
public static partial class ConfigurationReader
{
    private static void ReadLimits(JsonNode node, LintConfiguration config, List<ConfigurationError> errors)
    {
        if (node is not JsonObject limits)
        {
            Add(errors, node.Span, "'limits' must be an object, e.g. { \"maxFindingsPerFile\": 200, \"maxFindingsPerRun\": 5000 }");
            return;
        }

        foreach (var limit in limits.Properties)
        {
            if (limit.Name is not ("maxFindingsPerFile" or "maxFindingsPerRun"))
            {
                Add(errors, limit.NameSpan, $"unknown limit '{limit.Name}'; expected 'maxFindingsPerFile' or 'maxFindingsPerRun'");
                continue;
            }

            if (limit.Value is not JsonNumber { Value: long number } || number < 1 || number > int.MaxValue)
            {
                Add(errors, limit.Value.Span, $"'{limit.Name}' must be a whole number of at least 1");
                continue;
            }

            int value = (int)number;
            if (limit.Name == "maxFindingsPerFile")
            {
                config.FindingLimits.MaxFindingsPerFile = value;
            }
            else
            {
                config.FindingLimits.MaxFindingsPerRun = value;
            }
        }
    }
}
