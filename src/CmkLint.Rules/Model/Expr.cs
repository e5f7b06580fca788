using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Model;

/// <summary>
/// A node of the expression tree that ARM JSON and Bicep both lower to. Plain JSON values are
/// expressions too (literals, objects, arrays), so a resource body is one tree with spans everywhere.
/// </summary>
public abstract class Expr
{
    protected Expr(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }
}

/// <summary>A string, number (long or double), boolean or null.</summary>
public sealed class LiteralExpr : Expr
{
    public LiteralExpr(SourceSpan span, object? value)
        : base(span) => Value = value;

    public object? Value { get; }

    /// <summary>Set for content read from a file by a <c>load*</c> function (inlined at the call): never quoted in messages.</summary>
    public bool IsLoaded { get; init; }
}

/// <summary>An object; property names compare case-insensitively, as ARM does.</summary>
public sealed class ObjectExpr : Expr
{
    public ObjectExpr(SourceSpan span, IReadOnlyList<ObjectProperty> properties)
        : base(span) => Properties = properties;

    public IReadOnlyList<ObjectProperty> Properties { get; }

    /// <summary>The last property with this name (ARM keeps the last duplicate), or null.</summary>
    public ObjectProperty? Find(string name)
    {
        for (int i = Properties.Count - 1; i >= 0; i--)
        {
            if (Properties[i].NameExpr is null && string.Equals(Properties[i].Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return Properties[i];
            }
        }

        return null;
    }

    public Expr? Get(string name) => Find(name)?.Value;
}

/// <summary>One property of an object; <see cref="NameExpr"/> is set when the key itself is an expression.</summary>
public sealed class ObjectProperty
{
    public ObjectProperty(string name, SourceSpan nameSpan, Expr value, Expr? nameExpr = null)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
        NameExpr = nameExpr;
    }

    public string Name { get; }

    public SourceSpan NameSpan { get; }

    public Expr Value { get; }

    public Expr? NameExpr { get; }

    /// <summary>An ARM property copy loop or a Bicep <c>[for ...]</c> value is expressed in <see cref="Value"/> as a <see cref="ForExpr"/>.</summary>
    public override string ToString() => Name;
}

public sealed class ArrayExpr : Expr
{
    public ArrayExpr(SourceSpan span, IReadOnlyList<Expr> items)
        : base(span) => Items = items;

    public IReadOnlyList<Expr> Items { get; }
}

/// <summary>A function call: an ARM template function (<c>parameters</c>, <c>concat</c>, ...), a user function (<c>ns.name</c>) or a Bicep function lowered to its ARM name.</summary>
public sealed class CallExpr : Expr
{
    public CallExpr(SourceSpan span, string name, IReadOnlyList<Expr> arguments)
        : base(span)
    {
        Name = name;
        Arguments = arguments;
    }

    public string Name { get; }

    public IReadOnlyList<Expr> Arguments { get; }
}

public sealed class PropertyAccessExpr : Expr
{
    public PropertyAccessExpr(SourceSpan span, Expr target, string name, bool safe = false)
        : base(span)
    {
        Target = target;
        Name = name;
        Safe = safe;
    }

    public Expr Target { get; }

    public string Name { get; }

    /// <summary>Bicep's <c>.?</c>: a missing property gives null instead of an error.</summary>
    public bool Safe { get; }
}

public sealed class IndexAccessExpr : Expr
{
    public IndexAccessExpr(SourceSpan span, Expr target, Expr index, bool safe = false)
        : base(span)
    {
        Target = target;
        Index = index;
        Safe = safe;
    }

    public Expr Target { get; }

    public Expr Index { get; }

    public bool Safe { get; }
}

/// <summary>A Bicep symbolic reference to a resource or module (<c>uami</c>, <c>vault::key</c>), or a parameter/variable by name.</summary>
public sealed class SymbolExpr : Expr
{
    public SymbolExpr(SourceSpan span, SymbolKind kind, string name)
        : base(span)
    {
        Kind = kind;
        Name = name;
    }

    public SymbolKind Kind { get; }

    public string Name { get; }
}

public enum SymbolKind
{
    Parameter,
    Variable,
    Resource,
    Module,

    /// <summary>A lambda parameter or a for-loop item or index variable.</summary>
    Local,
}

/// <summary>A lambda (<c>x => x.name</c>, ARM <c>lambda('x', ...)</c>).</summary>
public sealed class LambdaExpr : Expr
{
    public LambdaExpr(SourceSpan span, IReadOnlyList<string> parameters, Expr body)
        : base(span)
    {
        Parameters = parameters;
        Body = body;
    }

    public IReadOnlyList<string> Parameters { get; }

    public Expr Body { get; }
}

/// <summary>A loop that produces an array: Bicep <c>[for item in source: body]</c>, ARM property/variable <c>copy</c>.</summary>
public sealed class ForExpr : Expr
{
    public ForExpr(SourceSpan span, Expr source, bool sourceIsCount, string? itemVariable, string? indexVariable, Expr body, Expr? filter, string? copyName = null)
        : base(span)
    {
        Source = source;
        SourceIsCount = sourceIsCount;
        ItemVariable = itemVariable;
        IndexVariable = indexVariable;
        Body = body;
        Filter = filter;
        CopyName = copyName;
    }

    /// <summary>The array to iterate, or (when <see cref="SourceIsCount"/>) the number of iterations.</summary>
    public Expr Source { get; }

    public bool SourceIsCount { get; }

    public string? ItemVariable { get; }

    public string? IndexVariable { get; }

    public Expr Body { get; }

    public Expr? Filter { get; }

    /// <summary>ARM's copy name, which <c>copyIndex('name')</c> refers to.</summary>
    public string? CopyName { get; }
}

/// <summary>A construct the engine does not evaluate: it evaluates to unknown and is reported as CMK901.</summary>
public sealed class UnsupportedExpr : Expr
{
    public UnsupportedExpr(SourceSpan span, string construct)
        : base(span) => Construct = construct;

    public string Construct { get; }
}

/// <summary>A spread (<c>...expr</c>) inside a Bicep object or array literal.</summary>
public sealed class SpreadExpr : Expr
{
    public SpreadExpr(SourceSpan span, Expr source)
        : base(span) => Source = source;

    public Expr Source { get; }
}
