using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// String functions over symbolic strings that keep their structure: a resource ID is
/// <c>/subscriptions/{sub}/resourceGroups/{rg}/providers/{type}/{name}</c> even when the subscription
/// is known only at deployment, so <c>split(vault.id, '/')[8]</c> is the vault's name and
/// <c>last(split(id, '/'))</c> the last name segment, as values that still compare with the declaration.
/// </summary>
internal static class SymbolicStrings
{
    /// <summary>
    /// <c>split</c>, <c>substring</c>, <c>startsWith</c> of a symbolic string, when its structure decides
    /// the result; false when the function needs the text itself.
    /// </summary>
    public static bool TryInvoke(string name, Value[] a, SourceSpan span, out Value result)
    {
        result = null!;
        if (a.Length == 0 || !IsStructured(a[0]))
        {
            return false;
        }

        switch (name.ToLowerInvariant())
        {
            case "split" when a.Length == 2 && a[1] is StringValue { Text.Length: > 0 } separator:
                return TrySplit(a[0], separator.Text, span, out result);
            case "substring" when a.Length >= 2 && a[1] is NumberValue start && (a.Length == 2 || a[2] is NumberValue):
                return TrySubstring(a[0], start.AsLong, a.Length == 3 ? ((NumberValue)a[2]).AsLong : -1, span, out result);
            case "startswith" when a.Length == 2 && a[1] is StringValue prefix:
                return TryStartsWith(a[0], prefix.Text, span, out result);
            default:
                return false;
        }
    }

    /// <summary>A resource ID, or a string built from known text and resource IDs / runtime parts.</summary>
    private static bool IsStructured(Value v) => v is ResourceIdValue || v is CompositeStringValue;

    /// <summary>
    /// The pieces of a symbolic string: known text, and symbolic parts with whether they can contain
    /// a given character (a name segment of a resource ID never holds '/').
    /// </summary>
    internal static List<Piece>? Pieces(Value value)
    {
        var pieces = new List<Piece>();
        if (!Append(value, pieces, asSegment: false))
        {
            return null;
        }

        // Adjacent known text is one piece, so a search for text across an ID's separators finds it.
        var merged = new List<Piece>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (piece.Value is StringValue s && merged.Count > 0 && merged[merged.Count - 1].Value is StringValue previous)
            {
                merged[merged.Count - 1] = new Piece(new StringValue(previous.Text + s.Text, previous.Span), isSegment: false);
            }
            else
            {
                merged.Add(piece);
            }
        }

        return merged;
    }

    private static bool Append(Value value, List<Piece> pieces, bool asSegment)
    {
        switch (value)
        {
            case StringValue s:
                pieces.Add(new Piece(s, isSegment: false));
                return true;
            case ResourceIdValue id:
                return AppendId(id, pieces);
            case CompositeStringValue composite:
                foreach (var part in composite.Parts)
                {
                    if (!Append(part, pieces, asSegment))
                    {
                        return false;
                    }
                }

                return true;
            case UnknownValue:
            case ConditionalValue:
                return false;
            default:
                if (value.IsKnown)
                {
                    return false;
                }

                pieces.Add(new Piece(value, asSegment));
                return true;
        }
    }

    /// <summary>The text of a resource ID as ARM writes it, with its symbolic subscription, group and names in place.</summary>
    private static bool AppendId(ResourceIdValue id, List<Piece> pieces)
    {
        var scope = id.Scope;
        bool isGroup = string.Equals(id.Type, "Microsoft.Resources/resourceGroups", StringComparison.OrdinalIgnoreCase) && id.Names.Count == 1;
        if (scope.ExtensionOf is not null)
        {
            if (!AppendId(scope.ExtensionOf, pieces))
            {
                return false;
            }
        }
        else
        {
            switch (scope.Kind)
            {
                case DeploymentScope.ResourceGroup when !isGroup:
                    if (scope.SubscriptionId is null || scope.ResourceGroup is null)
                    {
                        return false;
                    }

                    Text(pieces, "/subscriptions/");
                    Segment(pieces, scope.SubscriptionId);
                    Text(pieces, "/resourceGroups/");
                    Segment(pieces, scope.ResourceGroup);
                    break;
                case DeploymentScope.ResourceGroup:
                case DeploymentScope.Subscription:
                    if (scope.SubscriptionId is null)
                    {
                        return false;
                    }

                    Text(pieces, "/subscriptions/");
                    Segment(pieces, scope.SubscriptionId);
                    break;
                case DeploymentScope.ManagementGroup:
                    if (scope.ManagementGroup is null)
                    {
                        return false;
                    }

                    Text(pieces, "/providers/Microsoft.Management/managementGroups/");
                    Segment(pieces, scope.ManagementGroup);
                    break;
            }
        }

        if (isGroup)
        {
            // A resource group's ID has no provider part: /subscriptions/{sub}/resourceGroups/{name}.
            Text(pieces, "/resourceGroups/");
            Segment(pieces, id.Names[0]);
            return true;
        }

        var types = id.Type.Split('/');
        if (types.Length - 1 != id.Names.Count)
        {
            return false;
        }

        Text(pieces, "/providers/" + types[0]);
        for (int i = 0; i < id.Names.Count; i++)
        {
            Text(pieces, "/" + types[i + 1] + "/");
            Segment(pieces, id.Names[i]);
        }

        return true;
    }

    private static void Text(List<Piece> pieces, string text) => pieces.Add(new Piece(new StringValue(text), isSegment: false));

    private static void Segment(List<Piece> pieces, Value value)
    {
        if (value is StringValue s)
        {
            pieces.Add(new Piece(s, isSegment: false));
        }
        else
        {
            pieces.Add(new Piece(value, isSegment: true));
        }
    }

    private static bool TrySplit(Value value, string separator, SourceSpan span, out Value result)
    {
        result = null!;
        var pieces = Pieces(value);
        if (pieces is null)
        {
            return false;
        }

        var items = new List<Value>();
        var current = new List<Value>();
        foreach (var piece in pieces)
        {
            if (piece.Value is StringValue s)
            {
                var texts = s.Text.Split(new[] { separator }, StringSplitOptions.None);
                for (int i = 0; i < texts.Length; i++)
                {
                    if (i > 0)
                    {
                        items.Add(Join(current, span));
                        current = new List<Value>();
                    }

                    if (texts[i].Length > 0)
                    {
                        current.Add(new StringValue(texts[i], span));
                    }
                }
            }
            else if (CannotContain(piece, separator))
            {
                current.Add(piece.Value);
            }
            else
            {
                // The symbolic part may hold the separator: where the string splits is known only at deployment.
                result = UnknownValue.Quoting(span, "split() of ", value, $" at '{separator}': ", piece.Value, " may contain it");
                return true;
            }
        }

        items.Add(Join(current, span));
        result = new ArrayValue(items, span);
        return true;
    }

    private static Value Join(List<Value> parts, SourceSpan span) =>
        parts.Count == 0 ? new StringValue(string.Empty, span) : parts.Count == 1 ? parts[0] : Functions.Concat(parts, span);

    /// <summary>Whether a symbolic part is proved not to contain the text: a resource name segment holds no '/'; uniqueString() and GUIDs are letters, digits and '-'.</summary>
    internal static bool CannotContain(Piece piece, string text)
    {
        if (piece.IsSegment && text.IndexOf('/') >= 0)
        {
            return true;
        }

        if (piece.Value is RuntimeValue runtime)
        {
            string alphabet = RuntimeAlphabet(runtime.Description);
            if (alphabet.Length > 0)
            {
                foreach (char c in text)
                {
                    if (alphabet.IndexOf(char.ToLowerInvariant(c)) < 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The characters a runtime value is made of, when its function fixes them (empty when it does not).</summary>
    private static string RuntimeAlphabet(string description)
    {
        if (description.StartsWith("uniqueString(", StringComparison.OrdinalIgnoreCase))
        {
            return "abcdefghijklmnopqrstuvwxyz0123456789";
        }

        if (description.StartsWith("guid(", StringComparison.OrdinalIgnoreCase)
            || description.StartsWith("newGuid(", StringComparison.OrdinalIgnoreCase)
            || description.Equals("subscription().subscriptionId", StringComparison.OrdinalIgnoreCase)
            || description.Equals("subscription().tenantId", StringComparison.OrdinalIgnoreCase)
            || description.Equals("tenant().tenantId", StringComparison.OrdinalIgnoreCase))
        {
            return "0123456789abcdef-";
        }

        return string.Empty;
    }

    /// <summary><c>substring</c> of a symbolic string whose requested range lies in its known leading text.</summary>
    private static bool TrySubstring(Value value, long start, long length, SourceSpan span, out Value result)
    {
        result = null!;
        var pieces = Pieces(value);
        if (pieces is null || pieces.Count == 0 || pieces[0].Value is not StringValue head || start < 0 || length < 0)
        {
            return false;
        }

        if (start + length <= head.Text.Length)
        {
            result = new StringValue(head.Text.Substring((int)start, (int)length), span);
            return true;
        }

        return false;
    }

    private static bool TryStartsWith(Value value, string prefix, SourceSpan span, out Value result)
    {
        result = null!;
        var pieces = Pieces(value);
        if (pieces is null || pieces.Count == 0 || pieces[0].Value is not StringValue head)
        {
            return false;
        }

        if (head.Text.Length >= prefix.Length)
        {
            result = new BoolValue(head.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase), span);
            return true;
        }

        if (!prefix.StartsWith(head.Text, StringComparison.OrdinalIgnoreCase))
        {
            result = new BoolValue(false, span);
            return true;
        }

        return false;
    }

    /// <summary>A run of a symbolic string: known text, or a symbolic part (a resource name segment when <see cref="IsSegment"/>).</summary>
    internal readonly struct Piece
    {
        public Piece(Value value, bool isSegment)
        {
            Value = value;
            IsSegment = isSegment;
        }

        public Value Value { get; }

        public bool IsSegment { get; }
    }
}
