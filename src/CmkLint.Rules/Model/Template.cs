using System;
using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Model;

/// <summary>The language a template was written in.</summary>
public enum TemplateLanguage
{
    ArmJson,
    Bicep,
    CSharp,
}

/// <summary>The C# SDK a template lowered from C# uses: its findings name that SDK's types and properties (SDK-SHAPES.md).</summary>
public enum SdkFamily
{
    /// <summary>Not C#, or no recognised SDK.</summary>
    None,

    /// <summary>Azure.Provisioning (C# that generates Bicep).</summary>
    Provisioning,

    /// <summary>Azure.ResourceManager (the management-plane SDK).</summary>
    ResourceManager,

    /// <summary>Pulumi Azure Native.</summary>
    Pulumi,
}

/// <summary>Where a template deploys: ARM's four deployment scopes.</summary>
public enum DeploymentScope
{
    ResourceGroup,
    Subscription,
    ManagementGroup,
    Tenant,
}

/// <summary>What a deployment declares, whatever language it was written in.</summary>
public sealed class Template
{
    public Template(SourceFile file, TemplateLanguage language)
    {
        File = file;
        Language = language;
    }

    public SourceFile File { get; }

    public TemplateLanguage Language { get; }

    /// <summary>The span of the whole template (the root JSON object, or the whole Bicep file).</summary>
    public SourceSpan Span { get; set; }

    public DeploymentScope TargetScope { get; set; } = DeploymentScope.ResourceGroup;

    /// <summary>For a template lowered from C#: the SDK the code uses, whose names its findings use.</summary>
    public SdkFamily Sdk { get; set; }

    /// <summary>ARM languageVersion 2.0 templates and Bicep files name resources symbolically.</summary>
    public bool UsesSymbolicNames { get; set; }

    public Dictionary<string, ParameterDeclaration> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, VariableDeclaration> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>User-defined functions, keyed by <c>namespace.name</c> (Bicep functions use the <c>__bicep</c> namespace).</summary>
    public Dictionary<string, FunctionDeclaration> Functions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<ResourceDeclaration> Resources { get; } = new();

    public Dictionary<string, OutputDeclaration> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of user-defined types that accept null (Bicep <c>type t = {...}?</c>, own or imported).</summary>
    public HashSet<string> NullableTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Suppressions written in the template (ARM <c>metadata.cmklint.suppress</c>, Bicep pragmas).</summary>
    public List<Suppression> Suppressions { get; } = new();

    /// <summary>Problems found while reading the template (CMK900 errors, CMK901 notes).</summary>
    public List<Diagnostics.Finding> Diagnostics { get; } = new();
}

public sealed class ParameterDeclaration
{
    public ParameterDeclaration(string name, SourceSpan span)
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }

    public SourceSpan Span { get; }

    /// <summary>The declared type as written (<c>string</c>, <c>securestring</c>, <c>object</c>, ...), if any.</summary>
    public string? Type { get; set; }

    public Expr? DefaultValue { get; set; }

    public ArrayExpr? AllowedValues { get; set; }
}

public sealed class VariableDeclaration
{
    public VariableDeclaration(string name, SourceSpan span, Expr value)
    {
        Name = name;
        Span = span;
        Value = value;
    }

    public string Name { get; }

    public SourceSpan Span { get; }

    public Expr Value { get; }
}

public sealed class FunctionDeclaration
{
    public FunctionDeclaration(string name, SourceSpan span, IReadOnlyList<string> parameters, Expr output)
    {
        Name = name;
        Span = span;
        Parameters = parameters;
        Output = output;
    }

    public string Name { get; }

    public SourceSpan Span { get; }

    public IReadOnlyList<string> Parameters { get; }

    public Expr Output { get; }
}

public sealed class OutputDeclaration
{
    public OutputDeclaration(string name, SourceSpan span, Expr value)
    {
        Name = name;
        Span = span;
        Value = value;
    }

    public string Name { get; }

    public SourceSpan Span { get; }

    public Expr Value { get; }

    /// <summary>A condition on the output, if any.</summary>
    public Expr? Condition { get; set; }
}

/// <summary>A suppression the author wrote next to the code.</summary>
public sealed class Suppression
{
    public Suppression(string ruleId, SourceSpan scope, string? justification, SuppressionKind kind)
    {
        RuleId = ruleId;
        Scope = scope;
        Justification = justification;
        Kind = kind;
    }

    /// <summary>A rule ID (<c>CMK001</c>) or rule name (<c>cmk-requires-premium</c>).</summary>
    public string RuleId { get; }

    /// <summary>Findings whose primary location lies in this span are suppressed; a span of the whole file suppresses everywhere.</summary>
    public SourceSpan Scope { get; }

    public string? Justification { get; }

    public SuppressionKind Kind { get; }

    /// <summary>Where the rule is named (the pragma's code, the metadata's <c>rule</c> value): where an unused suppression is reported.</summary>
    public SourceSpan At { get; init; }
}

public enum SuppressionKind
{
    /// <summary>Bicep <c>#disable-next-line</c>.</summary>
    NextLine,

    /// <summary>Bicep <c>#disable-diagnostics</c> (until <c>#restore-diagnostics</c>).</summary>
    Region,

    /// <summary>ARM <c>metadata.cmklint.suppress</c> on a resource or the template.</summary>
    Metadata,
}
