using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>Converts between JSON text and known values (for <c>json()</c>, <c>string()</c> and <c>format()</c>).</summary>
internal static class JsonText
{
    public static Value? Read(string json, SourceSpan span)
    {
        var root = JsonParser.Parse(new SourceFile("json()", json), out var error);
        return error is null && root is not null ? FromNode(root, span) : null;
    }

    /// <summary>A JSON node as a value, every part located at the given span (text inside a string has no span of its own).</summary>
    public static Value FromNode(JsonNode node, SourceSpan span) => node switch
    {
        JsonString s => new StringValue(s.Value, span),
        JsonNumber n => new NumberValue(n.Value is long l ? l : (double)n.Value, span),
        JsonBool b => new BoolValue(b.Value, span),
        JsonObject o => new ObjectValue(Properties(o, span), span),
        JsonArray a => new ArrayValue(a.Items.ConvertAll(i => FromNode(i, span)), span),
        JsonUnreadValue => new UnknownValue(NestingLimit.Message("a JSON value"), span),
        _ => new NullValue(span),
    };

    private static List<PropertyValue> Properties(JsonObject o, SourceSpan span) =>
        o.Properties.ConvertAll(p => new PropertyValue(p.Name, FromNode(p.Value, span), span));

    /// <summary>The JSON text of a fully known value; null when any part is not known (no placeholder text).</summary>
    public static string? Write(Value value)
    {
        var sb = new StringBuilder();
        return Write(value, sb) ? sb.ToString() : null;
    }

    private static bool Write(Value value, StringBuilder sb)
    {
        switch (value)
        {
            case StringValue s:
                WriteString(s.Text, sb);
                break;
            case NumberValue or BoolValue or NullValue:
                sb.Append(value.Describe());
                break;
            case ArrayValue a:
                sb.Append('[');
                for (int i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    if (!Write(a.Items[i], sb))
                    {
                        return false;
                    }
                }

                sb.Append(']');
                break;
            case ObjectValue o:
                sb.Append('{');
                for (int i = 0; i < o.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    if (o.Properties[i].KeyValue is not null)
                    {
                        // A symbolic key has no text yet.
                        return false;
                    }

                    WriteString(o.Properties[i].Name, sb);
                    sb.Append(':');
                    if (!Write(o.Properties[i].Value, sb))
                    {
                        return false;
                    }
                }

                sb.Append('}');
                break;
            default:
                return false;
        }

        return true;
    }

    private static void WriteString(string text, StringBuilder sb)
    {
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
