namespace CmkLint.Bicep.Syntax;

/// <summary>Which Bicep language a file is written in; they share expressions but not statements.</summary>
internal enum BicepFileKind
{
    /// <summary>A template (<c>.bicep</c>).</summary>
    Template,

    /// <summary>A parameters file (<c>.bicepparam</c>): <c>using</c>, <c>extends</c>, <c>param name = value</c>, <c>var</c>, <c>import</c>, ...</summary>
    Parameters,
}
