using System;
using System.Collections.Generic;

namespace CmkLint.Text;

/// <summary>A JSON value with its exact span in the file.</summary>
public abstract class JsonNode
{
    protected JsonNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }
}

public sealed class JsonObject : JsonNode
{
    private readonly int deferredDepth;
    private List<JsonProperty>? properties;

    public JsonObject(SourceSpan span, List<JsonProperty> properties)
        : base(span) => this.properties = properties;

    /// <summary>An object the parser checked but did not build: its members are read from the text when first asked for.</summary>
    internal JsonObject(SourceSpan span, int depth)
        : base(span) => deferredDepth = depth;

    public List<JsonProperty> Properties => properties ?? Read();

    /// <summary>Whether the members are built (always, except for a deferred object not read yet).</summary>
    internal bool IsBuilt => properties is not null;

    /// <summary>The last property with the name, ignoring case (ARM property names are case-insensitive).</summary>
    public JsonProperty? Find(string name)
    {
        for (int i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Properties[i];
            }
        }

        return null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;

    public string? GetString(string name) => (Get(name) as JsonString)?.Value;

    private List<JsonProperty> Read()
    {
        // Templates may be shared by analyses on several threads: the first list read is the one kept.
        System.Threading.Interlocked.CompareExchange(ref properties, JsonParser.MembersAt(Span.File!, Span.Start, deferredDepth), null);
        return properties!;
    }
}

/// <summary>A member of an object: a value kept inline in the object's list (templates have millions of them, and a node each was a tenth of what parsing allocated).</summary>
public readonly struct JsonProperty
{
    public JsonProperty(string name, SourceSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public SourceSpan NameSpan { get; }

    public JsonNode Value { get; }
}

public sealed class JsonArray : JsonNode
{
    public JsonArray(SourceSpan span, List<JsonNode> items)
        : base(span) => Items = items;

    public List<JsonNode> Items { get; }
}

public sealed class JsonString : JsonNode
{
    public JsonString(SourceSpan span, string value, bool hasEscapes)
        : base(span)
    {
        Value = value;
        HasEscapes = hasEscapes;
    }

    /// <summary>The decoded text.</summary>
    public string Value { get; }

    /// <summary>Whether the raw text differs from the decoded text (then inner offsets are not exact).</summary>
    public bool HasEscapes { get; }
}

public sealed class JsonNumber : JsonNode
{
    public JsonNumber(SourceSpan span, object value)
        : base(span) => Value = value;

    /// <summary>A long, or a double for fractions and exponents.</summary>
    public object Value { get; }
}

public sealed class JsonBool : JsonNode
{
    public JsonBool(SourceSpan span, bool value)
        : base(span) => Value = value;

    public bool Value { get; }
}

public sealed class JsonNull : JsonNode
{
    public JsonNull(SourceSpan span)
        : base(span)
    {
    }
}

/// <summary>An object or array nested deeper than <see cref="NestingLimit.MaxDepth"/>: its brackets are checked, its content is not read.</summary>
public sealed class JsonUnreadValue : JsonNode
{
    public JsonUnreadValue(SourceSpan span)
        : base(span)
    {
    }
}
