using System.Collections.Generic;

namespace CmkLint.Diagnostics;

/// <summary>How serious a finding is; the names match SARIF levels.</summary>
public enum Level
{
    /// <summary>Not reported (a rule turned off by configuration).</summary>
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>What a rule is: its ID, config name, texts, default level and help link (RULES.md).</summary>
public sealed class RuleDescriptor
{
    /// <summary>Base of every rule's documentation page.</summary>
    public const string HelpBaseUri = "https://github.com/cmklint/cmklint/blob/main/docs/rules/";

    public RuleDescriptor(string id, string name, string title, string fullDescription, Level defaultLevel, string securitySeverity, params string[] tags)
    {
        Id = id;
        Name = name;
        Title = title;
        FullDescription = fullDescription;
        DefaultLevel = defaultLevel;
        SecuritySeverity = securitySeverity;
        Tags = tags;
    }

    /// <summary>The stable ID, e.g. <c>CMK001</c>.</summary>
    public string Id { get; }

    /// <summary>The kebab-case name users write in configuration, e.g. <c>cmk-requires-premium</c>.</summary>
    public string Name { get; }

    /// <summary>One sentence: what the rule checks.</summary>
    public string Title { get; }

    public string FullDescription { get; }

    public Level DefaultLevel { get; }

    /// <summary>SARIF <c>security-severity</c> (a number from 0.0 to 10.0, as a string, as GitHub expects).</summary>
    public string SecuritySeverity { get; }

    public IReadOnlyList<string> Tags { get; }

    public string HelpUri => HelpBaseUri + Id + ".md";

    public override string ToString() => Id;
}
