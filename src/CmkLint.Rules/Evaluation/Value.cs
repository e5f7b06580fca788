using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>Whether a value is known, a symbolic reference into the graph or a runtime value, or unknown.</summary>
public enum ValueState
{
    Known,
    Symbolic,
    Unknown,
}

/// <summary>
/// The result of evaluating an expression: three-valued (RULES.md). Known values are JSON values;
/// symbolic values name what they are (a property of a resource, a resource ID, a runtime value)
/// without inventing a placeholder; unknown values say why and where.
/// </summary>
public abstract class Value
{
    protected Value(SourceSpan span) => Span = span;

    /// <summary>Where the value was written (the expression that produced it at its use site).</summary>
    public SourceSpan Span { get; private set; }

    public abstract ValueState State { get; }

    /// <summary>Set when the value is a parameter's value passed through unchanged.</summary>
    public Graph.ParameterSource? Parameter { get; private set; }

    /// <summary>The same value, marked as coming from a parameter.</summary>
    public Value WithParameter(Graph.ParameterSource parameter)
    {
        var copy = (Value)MemberwiseClone();
        copy.Parameter = parameter;
        return copy;
    }

    public bool IsKnown => State == ValueState.Known;

    /// <summary>What messages say instead of a value read from a file by <c>loadTextContent</c>, <c>loadJsonContent</c> or <c>loadFileAsBase64</c>.</summary>
    public const string LoadedDescription = "a value loaded from a file";

    /// <summary>
    /// Set when the value was read from a file by a <c>load*</c> function, or computed from one (a function
    /// or condition over it, a member of it): messages never quote it (docs/security.md), they say
    /// <see cref="LoadedDescription"/>. Members of a loaded object or array are loaded too.
    /// </summary>
    public bool IsLoaded { get; private set; }

    /// <summary>The same value, marked as loaded from a file.</summary>
    public Value AsLoaded()
    {
        if (IsLoaded)
        {
            return this;
        }

        var copy = (Value)MemberwiseClone();
        copy.IsLoaded = true;
        return copy;
    }

    /// <summary>Whether any of the values is loaded from a file.</summary>
    internal static bool AnyLoaded(IReadOnlyList<Value> values)
    {
        foreach (var v in values)
        {
            if (v.IsLoaded)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values, each marked as loaded from a file (the members of a loaded object or array).</summary>
    private protected static IReadOnlyList<Value> MarkLoaded(IReadOnlyList<Value> values)
    {
        var marked = new Value[values.Count];
        for (int i = 0; i < marked.Length; i++)
        {
            marked[i] = values[i].AsLoaded();
        }

        return marked;
    }

    /// <summary>
    /// About the bytes of the value's JSON text, a part repeated counted each time (saturating): what
    /// serialising, comparing or merging it may cost. The evaluator keeps it within the budgets.
    /// </summary>
    public virtual long Size => 8;

    /// <summary>Adds sizes without overflowing.</summary>
    internal static long AddSize(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>The same value, located at another span (a parameter's value seen at the place that uses it).</summary>
    public Value At(SourceSpan span)
    {
        if (span.IsNone || span.Equals(Span))
        {
            return this;
        }

        var copy = (Value)MemberwiseClone();
        copy.Span = span;
        return copy;
    }

    /// <summary>A short description for messages: the JSON text of a known value, the description of others.</summary>
    public abstract string Describe();

    public override string ToString() => Describe();
}

/// <summary>A JSON string.</summary>
public sealed class StringValue : Value
{
    public StringValue(string text, SourceSpan span = default)
        : base(span) => Text = text;

    public string Text { get; }

    public override long Size => Text.Length + 2L;

    public override ValueState State => ValueState.Known;

    public override string Describe() => IsLoaded ? LoadedDescription : "'" + Text + "'";
}

/// <summary>A JSON number: ARM integers are 64-bit; a fractional literal keeps its double.</summary>
public sealed class NumberValue : Value
{
    public NumberValue(double number, SourceSpan span = default)
        : base(span) => Number = number;

    public double Number { get; }

    public bool IsInteger => Math.Floor(Number) == Number && !double.IsInfinity(Number);

    public long AsLong => (long)Number;

    public override ValueState State => ValueState.Known;

    public override string Describe() => IsLoaded ? LoadedDescription : IsInteger ? AsLong.ToString(CultureInfo.InvariantCulture) : Number.ToString("R", CultureInfo.InvariantCulture);
}

public sealed class BoolValue : Value
{
    public BoolValue(bool b, SourceSpan span = default)
        : base(span) => Bool = b;

    public bool Bool { get; }

    public override ValueState State => ValueState.Known;

    public override string Describe() => IsLoaded ? LoadedDescription : Bool ? "true" : "false";
}

public sealed class NullValue : Value
{
    public NullValue(SourceSpan span = default)
        : base(span)
    {
    }

    public override ValueState State => ValueState.Known;

    public override string Describe() => "null";
}

/// <summary>One property of an evaluated object, with the span of its name as written.</summary>
public sealed class PropertyValue
{
    public PropertyValue(string name, Value value, SourceSpan nameSpan)
    {
        Name = name;
        Value = value;
        NameSpan = nameSpan;
    }

    public string Name { get; }

    public Value Value { get; }

    public SourceSpan NameSpan { get; }

    /// <summary>
    /// For a key written as an expression that evaluates to a symbolic string (a resource ID, a
    /// partly known string): that value. <see cref="Name"/> is then the key as written, which no
    /// lookup by a plain name matches. Null for keys known as text.
    /// </summary>
    public Value? KeyValue { get; init; }
}

/// <summary>
/// A JSON object whose members may themselves be symbolic or unknown. Lookups are
/// case-insensitive, as ARM property names are.
/// </summary>
public sealed class ObjectValue : Value
{
    private readonly long size;
    private readonly IReadOnlyList<PropertyValue> properties;
    private IReadOnlyList<PropertyValue>? loadedProperties;

    public ObjectValue(IReadOnlyList<PropertyValue> properties, SourceSpan span = default)
        : base(span)
    {
        this.properties = properties;
        long total = 2;
        foreach (var p in properties)
        {
            total = AddSize(total, AddSize(p.Name.Length + 4L, p.Value.Size));
        }

        size = total;
    }

    public override long Size => size;

    /// <summary>The properties (of a loaded object, each value marked loaded too).</summary>
    public IReadOnlyList<PropertyValue> Properties => IsLoaded ? loadedProperties ??= MarkLoaded(properties) : properties;

    /// <summary>An object built by a function whose members are known only partly (e.g. <c>union</c> with an unknown): lookups of missing members are unknown rather than absent.</summary>
    public bool IsOpen { get; init; }

    /// <summary>Why the object is open, when <see cref="IsOpen"/>.</summary>
    public Value? OpenBecause { get; init; }

    public override ValueState State => ValueState.Known;

    public PropertyValue? Find(string name)
    {
        // Keys that differ only in case may both be present (Bicep allows it): the exact one wins.
        for (int i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
            {
                return Properties[i];
            }
        }

        for (int i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Properties[i];
            }
        }

        return null;
    }

    public Value? Get(string name) => Find(name)?.Value;

    private static IReadOnlyList<PropertyValue> MarkLoaded(IReadOnlyList<PropertyValue> properties)
    {
        var marked = new PropertyValue[properties.Count];
        for (int i = 0; i < marked.Length; i++)
        {
            var p = properties[i];
            marked[i] = new PropertyValue(p.Name, p.Value.AsLoaded(), p.NameSpan) { KeyValue = p.KeyValue?.AsLoaded() };
        }

        return marked;
    }

    public override string Describe()
    {
        if (IsLoaded)
        {
            return LoadedDescription;
        }

        var sb = new StringBuilder("{");
        for (int i = 0; i < Properties.Count && i < 4; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(Properties[i].Name).Append(": ").Append(Properties[i].Value.Describe());
        }

        if (Properties.Count > 4)
        {
            sb.Append(", ...");
        }

        return sb.Append(" }").ToString();
    }
}

public sealed class ArrayValue : Value
{
    private readonly long size;
    private readonly IReadOnlyList<Value> items;
    private IReadOnlyList<Value>? loadedItems;

    public ArrayValue(IReadOnlyList<Value> items, SourceSpan span = default)
        : base(span)
    {
        this.items = items;
        long total = 2;
        foreach (var item in items)
        {
            total = AddSize(total, AddSize(1, item.Size));
        }

        size = total;
    }

    public override long Size => size;

    /// <summary>The items (of a loaded array, each marked loaded too).</summary>
    public IReadOnlyList<Value> Items => IsLoaded ? loadedItems ??= MarkLoaded(items) : items;

    public override ValueState State => ValueState.Known;

    public override string Describe()
    {
        if (IsLoaded)
        {
            return LoadedDescription;
        }

        var sb = new StringBuilder("[");
        for (int i = 0; i < Items.Count && i < 4; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(Items[i].Describe());
        }

        if (Items.Count > 4)
        {
            sb.Append(", ...");
        }

        return sb.Append(" ]").ToString();
    }
}

/// <summary>A value that could not be resolved; it never compares equal to anything.</summary>
public sealed class UnknownValue : Value
{
    private readonly string? reason;
    private readonly IReadOnlyList<object>? parts;

    // The reason in the engine's notation, built once: a reason quoting an unknown quotes its reason, so a chain of them stays linear.
    private string? engineReason;

    public UnknownValue(string reason, SourceSpan span)
        : base(span) => this.reason = reason;

    private UnknownValue(IReadOnlyList<object> parts, SourceSpan span)
        : base(span) => this.parts = parts;

    /// <summary>
    /// An unknown whose reason quotes values (<paramref name="parts"/> are texts and <see cref="Value"/>s): the
    /// values stay values, so a message can quote them in the language of the file it points at
    /// (<see cref="Phrase"/>); <see cref="Reason"/> quotes them in the engine's own notation.
    /// </summary>
    internal static UnknownValue Quoting(SourceSpan span, params object[] parts) => new(parts, span);

    /// <summary>Why, naming the expression or input that was missing (e.g. "parameter 'sku' has no value"); for a value computed from a loaded file, only that (the reason may quote its content).</summary>
    public string Reason => IsLoaded ? "it depends on " + LoadedDescription : engineReason ??= Phrase(v => v.Describe());

    /// <summary>The reason with each value it quotes written by <paramref name="describe"/>.</summary>
    internal string Phrase(Func<Value, string> describe)
    {
        if (IsLoaded)
        {
            return "it depends on " + LoadedDescription;
        }

        if (parts is null)
        {
            return reason!;
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part is Value v ? describe(v) : part);
        }

        return sb.ToString();
    }

    /// <summary>The same reason at another span, no longer marked over budget or loaded (a loaded one keeps only that it is loaded).</summary>
    internal UnknownValue Restated(SourceSpan span) => IsLoaded || parts is null ? new UnknownValue(Reason, span) : new UnknownValue(parts, span);

    /// <summary>Set when an analysis budget cut the value: an object or array holding it is cut too (reported once, where it ran out).</summary>
    public bool OverBudget { get; init; }

    public override ValueState State => ValueState.Unknown;

    public override string Describe() => "unknown (" + Reason + ")";
}

/// <summary>A value only Azure knows at deployment time, with a name: <c>subscription().subscriptionId</c>, <c>utcNow()</c>, <c>newGuid()</c>.</summary>
public sealed class RuntimeValue : Value
{
    public RuntimeValue(string description, SourceSpan span)
        : base(span) => Description = description;

    public string Description { get; }

    public override long Size => Description.Length + 2L;

    public override ValueState State => ValueState.Symbolic;

    public override string Describe() => Description;

    /// <summary>For a function of runtime arguments (<c>uniqueString(...)</c>, <c>toLower(...)</c>): its name, so a message can write the call in the file's language.</summary>
    internal string? Function { get; init; }

    /// <summary>The arguments of <see cref="Function"/>.</summary>
    internal IReadOnlyList<Value>? Arguments { get; init; }

    /// <summary>Two runtime values are the same only when they are the same deterministic expression (e.g. both <c>subscription().subscriptionId</c>).</summary>
    public bool Deterministic { get; init; }

    /// <summary>What the description is relative to (a deployment, for a parameter without a value): equal descriptions of different owners are not the same value.</summary>
    public object? Owner { get; init; }
}

/// <summary>A string made of known text and symbolic parts, e.g. <c>'${vault.properties.vaultUri}keys/cmk'</c>.</summary>
public sealed class CompositeStringValue : Value
{
    private readonly long size;
    private readonly IReadOnlyList<Value> parts;
    private IReadOnlyList<Value>? loadedParts;

    public CompositeStringValue(IReadOnlyList<Value> parts, SourceSpan span)
        : base(span)
    {
        this.parts = parts;
        long total = 2;
        foreach (var part in parts)
        {
            total = AddSize(total, part.Size);
        }

        size = total;
    }

    public override long Size => size;

    /// <summary>Known <see cref="StringValue"/>s and symbolic values, adjacent known parts merged.</summary>
    public IReadOnlyList<Value> Parts => IsLoaded ? loadedParts ??= MarkLoaded(parts) : parts;

    public override ValueState State => ValueState.Symbolic;

    public override string Describe()
    {
        if (IsLoaded)
        {
            return LoadedDescription;
        }

        var sb = new StringBuilder();
        foreach (var p in Parts)
        {
            sb.Append(p is StringValue { IsLoaded: false } s ? s.Text : "{" + p.Describe() + "}");
        }

        return sb.ToString();
    }
}
