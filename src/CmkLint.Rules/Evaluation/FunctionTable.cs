using System;
using System.Collections.Generic;
using System.Text;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>How a template function takes its arguments, which decides where the evaluator calls it.</summary>
public enum FunctionKind
{
    /// <summary>Takes its arguments unevaluated and evaluates only what it needs (<c>if</c>, <c>and</c>, <c>reference</c>, <c>parameters</c>).</summary>
    Lazy,

    /// <summary>Takes evaluated arguments, symbolic and unknown ones too: the result can be symbolic (resource IDs, string building, the deployment context).</summary>
    Symbolic,

    /// <summary>Computed only from known arguments; otherwise the result is unknown and keeps the cause.</summary>
    Known,

    /// <summary>Its value exists only when the template is deployed (<c>listKeys</c>, <c>utcNow</c>): a named runtime value.</summary>
    Runtime,
}

/// <summary>One template function CmkLint evaluates: its name, how many arguments it takes, its kind and its implementation.</summary>
public sealed class FunctionDefinition
{
    private FunctionDefinition(string name, int minArguments, int? maxArguments, FunctionKind kind)
    {
        Name = name;
        Key = name.ToLowerInvariant();
        MinArguments = minArguments;
        MaxArguments = maxArguments;
        Kind = kind;
    }

    /// <summary>The name as the ARM documentation writes it (names are matched ignoring case).</summary>
    public string Name { get; }

    /// <summary>The name in lowercase (invariant), as the evaluator's switches spell it: computed once, not per call.</summary>
    internal string Key { get; }

    public int MinArguments { get; }

    /// <summary>The most arguments it takes; null when it takes any number.</summary>
    public int? MaxArguments { get; }

    public FunctionKind Kind { get; }

    /// <summary>The implementation of a <see cref="FunctionKind.Lazy"/> function (the evaluator's own).</summary>
    internal Func<Evaluator, string, CallExpr, EvalContext, Value>? Lazy { get; private set; }

    /// <summary>The implementation of any other kind; for <see cref="FunctionKind.Known"/>, null means "not computed from these arguments".</summary>
    internal Func<Evaluator, string, Value[], SourceSpan, EvalContext, Value?>? Evaluated { get; private set; }

    /// <summary>Whether a call with this many arguments is well formed.</summary>
    public bool Accepts(int count) => count >= MinArguments && (MaxArguments is not int max || count <= max);

    /// <summary>The arity as the documentation writes it: <c>1</c>, <c>1–3</c>, <c>2 or more</c>.</summary>
    public string Arity =>
        MaxArguments is not int max ? MinArguments + " or more"
        : max == MinArguments ? MinArguments.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : MinArguments + "–" + max;

    internal static FunctionDefinition WithArguments(string name, int min, int? max, Func<Evaluator, string, CallExpr, EvalContext, Value> body) =>
        new(name, min, max, FunctionKind.Lazy) { Lazy = body };

    internal static FunctionDefinition Of(string name, int min, int? max, FunctionKind kind, Func<Evaluator, string, Value[], SourceSpan, EvalContext, Value?> body) =>
        new(name, min, max, kind) { Evaluated = body };
}

/// <summary>
/// Every template function CmkLint evaluates, in one table (docs/functions.md is written from it). A
/// name not in the table evaluates to an unknown that says so; a call with the wrong number of
/// arguments is unknown too (ARM rejects it).
/// </summary>
public static class FunctionTable
{
    private static readonly FunctionDefinition[] Definitions = Functions.Join(Evaluator.LazyFunctions, Functions.EvaluatedFunctions);
    private static readonly Dictionary<string, FunctionDefinition> ByName = Index(Definitions);

    /// <summary>The supported functions, lazy ones first, each group in the order of the documentation.</summary>
    public static IReadOnlyList<FunctionDefinition> All => Definitions;

    /// <summary>The definition of <paramref name="name"/> (any case), or null when CmkLint does not evaluate it.</summary>
    public static FunctionDefinition? Find(string name) => ByName.TryGetValue(name, out var definition) ? definition : null;

    /// <summary>The list of functions as docs/functions.md has it.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Template functions CmkLint evaluates\n\n");
        sb.Append("Written from `FunctionTable` (`src/CmkLint.Rules/Evaluation/FunctionTable.cs`); a test keeps this page equal to the table.\n");
        sb.Append("A function not listed evaluates to an unknown value that names it, and so does a call with the wrong number of arguments;\n");
        sb.Append("any other function whose name starts with `list` is a runtime value, like `listKeys`.\n\n");
        sb.Append("| kind | meaning |\n|---|---|\n");
        sb.Append("| lazy | takes its arguments unevaluated and evaluates only what it needs |\n");
        sb.Append("| symbolic | takes evaluated arguments, symbolic and unknown ones too; the result can be symbolic (resource IDs, string building, the deployment context) |\n");
        sb.Append("| known | computed only from known arguments; otherwise unknown, keeping the cause |\n");
        sb.Append("| runtime | exists only when the template is deployed: a named runtime value |\n\n");
        sb.Append("| function | arguments | kind |\n|---|---|---|\n");
        foreach (var f in Definitions)
        {
            sb.Append("| `").Append(f.Name).Append("` | ").Append(f.Arity).Append(" | ").Append(f.Kind.ToString().ToLowerInvariant()).Append(" |\n");
        }

        return sb.ToString();
    }

    private static Dictionary<string, FunctionDefinition> Index(FunctionDefinition[] definitions)
    {
        // Names match ignoring case (invariant), as the evaluator always matched them; looked up without lowercasing each call.
        var index = new Dictionary<string, FunctionDefinition>(definitions.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            index.Add(d.Name, d);
        }

        return index;
    }
}
