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
    public JsonObject(SourceSpan span, List<JsonProperty> properties)
        : base(span) => Properties = properties;

    public List<JsonProperty> Properties { get; }

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
