using System.Collections.Generic;
using CmkLint.Cmk;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Rules.Chain;

namespace CmkLint.Rules;

/// <summary>CMK015: ACR Tasks on a registry with a customer-managed key keep their run logs for only 24 hours.</summary>
public sealed class TaskLogRetentionRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "CMK015",
        "cmk-task-log-retention",
        "ACR Tasks on a registry with a customer-managed key keep run logs for only 24 hours.",
        "On a registry encrypted with a customer-managed key, the logs of ACR Tasks runs are retained for only 24 hours. Export them (for example to a storage account) if they are needed longer.",
        Level.Note,
        "2.0",
        "cmk",
        "container-registry");

    /// <summary>The child types that run ACR Tasks.</summary>
    private static readonly string[] TaskTypes =
    {
        CmkRegistry.RegistryType + "/tasks",
        CmkRegistry.RegistryType + "/taskRuns",
        CmkRegistry.RegistryType + "/runs",
    };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        var tasks = new List<ResourceInstance>();
        foreach (var type in TaskTypes)
        {
            tasks.AddRange(context.Graph.OfType(type));
        }

        if (tasks.Count == 0)
        {
            yield break;
        }

        foreach (var registry in CmkRegistry.All(context.Graph))
        {
            if (registry.IsCmk == false)
            {
                continue;
            }

            var resource = registry.Resource;
            var proven = new List<ResourceInstance>();
            ResourceInstance? possible = null;
            foreach (var task in tasks)
            {
                bool? belongs = context.Graph.IsChildOf(task, resource);
                if (belongs == true)
                {
                    proven.Add(task);
                }
                else if (belongs is null)
                {
                    possible ??= task;
                }
            }

            if (proven.Count > 0 && registry.IsCmk == true)
            {
                // One note per registry, at the encryption status that causes the short retention, naming every task.
                var names = new List<string>();
                foreach (var task in proven)
                {
                    names.Add("'" + task.DisplayName + "'");
                }

                var finding = context.Violation(Rule, resource, "properties.encryption.status", registry.Status!.Span, $"Registry '{resource.DisplayName}' uses a customer-managed key and runs ACR Tasks ({string.Join(", ", names)}): their run logs are kept for only 24 hours; export them if they are needed longer.");
                foreach (var task in proven)
                {
                    RuleContext.Relate(finding, task, $"{ShortType(task.Type)} '{task.DisplayName}'");
                }

                RuleContext.RelateParameter(finding, registry.Status!);

                yield return finding;
            }
            else if (proven.Count > 0)
            {
                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", registry.Status!, $"whether registry '{resource.DisplayName}', which runs ACR Tasks, uses a customer-managed key");
            }
            else if (possible is not null && registry.IsCmk == true)
            {
                yield return context.Inconclusive(Rule, resource, "properties.encryption.status", possible.Name, $"whether {ShortType(possible.Type)} '{possible.DisplayName}' belongs to registry '{resource.DisplayName}'");
            }
        }
    }

    private static string ShortType(string type)
    {
        int slash = type.LastIndexOf('/');
        return "registries/" + type.Substring(slash + 1);
    }
}
