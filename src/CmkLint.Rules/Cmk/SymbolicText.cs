using System;
using System.Collections.Generic;
using System.Text;
using CmkLint.Evaluation;
using CmkLint.Text;

namespace CmkLint.Cmk;

/// <summary>
/// A string made of known text and symbolic values (a URI such as <c>https://{name}.vault.azure.net/keys/k</c>
/// or a resource ID built with <c>concat</c>), which can be split and compared without inventing the
/// symbolic parts' text.
/// </summary>
public sealed class SymbolicText : IResourceIdSegment
{
    private SymbolicText(IReadOnlyList<object> pieces, SourceSpan span)
    {
        Pieces = pieces;
        Span = span;
    }

    /// <summary>Adjacent known pieces are merged: each piece is a <see cref="string"/> or a symbolic <see cref="Value"/>.</summary>
    public IReadOnlyList<object> Pieces { get; }

    public SourceSpan Span { get; }

    /// <summary>The text, when every piece is known.</summary>
    public string? Text => Pieces.Count == 0 ? string.Empty : Pieces.Count == 1 ? Pieces[0] as string : null;

    public bool IsEmpty => Pieces.Count == 0;

    /// <inheritdoc/>
    string? IResourceIdSegment.Literal => Text;

    /// <summary>A string value as pieces; null for values that are not strings (objects, unknowns).</summary>
    public static SymbolicText? From(Value? value)
    {
        switch (value)
        {
            case StringValue s:
                return Of(new object[] { s.Text }, s.Span);
            case CompositeStringValue c:
                var pieces = new List<object>(c.Parts.Count);
                foreach (var p in c.Parts)
                {
                    pieces.Add(p is StringValue ps ? ps.Text : p);
                }

                return Of(pieces, c.Span);
            case ResourceIdValue or ResourceReferenceValue or RuntimeValue:
                return Of(new object[] { value }, value.Span);
            default:
                return null;
        }
    }

    private static SymbolicText Of(IEnumerable<object> pieces, SourceSpan span)
    {
        var merged = new List<object>();
        foreach (var piece in pieces)
        {
            if (piece is string s)
            {
                if (s.Length == 0)
                {
                    continue;
                }

                if (merged.Count > 0 && merged[merged.Count - 1] is string last)
                {
                    merged[merged.Count - 1] = last + s;
                    continue;
                }
            }

            merged.Add(piece);
        }

        return new SymbolicText(merged, span);
    }

    /// <summary>The part from a known-text offset on: drops <paramref name="count"/> characters of the first piece, which must be known text.</summary>
    public SymbolicText Skip(int count)
    {
        if (count == 0 || Pieces.Count == 0 || Pieces[0] is not string first)
        {
            return this;
        }

        var rest = new List<object> { first.Substring(Math.Min(count, first.Length)) };
        for (int i = 1; i < Pieces.Count; i++)
        {
            rest.Add(Pieces[i]);
        }

        return Of(rest, Span);
    }

    /// <summary>The pieces after the first.</summary>
    public SymbolicText Tail()
    {
        var rest = new List<object>();
        for (int i = 1; i < Pieces.Count; i++)
        {
            rest.Add(Pieces[i]);
        }

        return Of(rest, Span);
    }

    /// <summary>Splits at a separator found in known text; a symbolic piece never splits (it may hold the separator, so callers treat it as one opaque segment).</summary>
    public List<SymbolicText> Split(char separator, bool dropEmpty = true)
    {
        var segments = new List<SymbolicText>();
        var current = new List<object>();
        foreach (var piece in Pieces)
        {
            if (piece is string s)
            {
                var parts = s.Split(separator);
                for (int i = 0; i < parts.Length; i++)
                {
                    if (i > 0)
                    {
                        Close(segments, current, dropEmpty);
                        current = new List<object>();
                    }

                    current.Add(parts[i]);
                }
            }
            else
            {
                current.Add(piece);
            }
        }

        Close(segments, current, dropEmpty);
        return segments;
    }

    private void Close(List<SymbolicText> segments, List<object> current, bool dropEmpty)
    {
        var segment = Of(current, Span);
        if (!dropEmpty || !segment.IsEmpty)
        {
            segments.Add(segment);
        }
    }

    /// <summary>Whether the known text is equal to <paramref name="text"/> (ignoring case); null when the segment has symbolic parts.</summary>
    public bool? Is(string text) => Text is string t ? string.Equals(t, text, StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>The segment as a value: a string, the single symbolic value, or a composite.</summary>
    public Value ToValue()
    {
        if (Text is string t)
        {
            return new StringValue(t, Span);
        }

        if (Pieces.Count == 1)
        {
            return (Value)Pieces[0];
        }

        var parts = new List<Value>(Pieces.Count);
        foreach (var piece in Pieces)
        {
            parts.Add(piece as Value ?? new StringValue((string)piece, Span));
        }

        return new CompositeStringValue(parts, Span);
    }

    /// <summary>
    /// Whether two partly symbolic strings are equal, ignoring case: true when their pieces are the same
    /// known text and the same symbolic values, false when known text proves them different, else null.
    /// </summary>
    public static bool? Same(SymbolicText a, SymbolicText b)
    {
        if (a.Text is string ta && b.Text is string tb)
        {
            return string.Equals(ta, tb, StringComparison.OrdinalIgnoreCase);
        }

        if (a.Pieces.Count == b.Pieces.Count)
        {
            bool? all = true;
            for (int i = 0; i < a.Pieces.Count && all == true; i++)
            {
                all = SamePiece(a.Pieces[i], b.Pieces[i]);
            }

            if (all == true)
            {
                return true;
            }
        }

        // Different known prefixes or suffixes prove the strings different.
        if (a.Pieces.Count > 0 && b.Pieces.Count > 0)
        {
            if (a.Pieces[0] is string pa && b.Pieces[0] is string pb && !StartsAlike(pa, pb, fromEnd: false))
            {
                return false;
            }

            if (a.Pieces[a.Pieces.Count - 1] is string sa && b.Pieces[b.Pieces.Count - 1] is string sb && !StartsAlike(sa, sb, fromEnd: true))
            {
                return false;
            }
        }

        return null;
    }

    private static bool? SamePiece(object a, object b)
    {
        if (a is string sa && b is string sb)
        {
            return string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase) ? true : null;
        }

        if (a is Value va && b is Value vb)
        {
            return Values.Same(va, vb, ignoreCase: true) == true ? true : null;
        }

        return null;
    }

    private static bool StartsAlike(string a, string b, bool fromEnd)
    {
        int n = Math.Min(a.Length, b.Length);
        return fromEnd
            ? string.Compare(a, a.Length - n, b, b.Length - n, n, StringComparison.OrdinalIgnoreCase) == 0
            : string.Compare(a, 0, b, 0, n, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>
    /// Whether a symbolic value is generated text that is never empty and never holds a '/'
    /// (<c>uniqueString()</c>, <c>guid()</c>, subscription and tenant IDs). A parameter without a value,
    /// or a resource property, may be anything.
    /// </summary>
    public static bool IsOpaqueToken(Value value) =>
        value is RuntimeValue runtime
        && runtime.Owner is null
        && !runtime.Description.StartsWith("parameter ", StringComparison.Ordinal)
        && (runtime.Description.StartsWith("uniqueString(", StringComparison.OrdinalIgnoreCase)
            || runtime.Description.StartsWith("guid(", StringComparison.OrdinalIgnoreCase)
            || runtime.Description.StartsWith("newGuid(", StringComparison.OrdinalIgnoreCase)
            || runtime.Description.EndsWith("subscriptionId", StringComparison.OrdinalIgnoreCase)
            || runtime.Description.EndsWith("tenantId", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the segment surely holds no '/' (known text and opaque tokens only).</summary>
    public bool IsSlashFree
    {
        get
        {
            foreach (var piece in Pieces)
            {
                if (piece is Value v && !IsOpaqueToken(v))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Whether the segment is surely not empty: some known text, or an opaque token.</summary>
    public bool IsSurelyNonEmpty
    {
        get
        {
            foreach (var piece in Pieces)
            {
                if (piece is string || IsOpaqueToken((Value)piece))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var p in Pieces)
        {
            sb.Append(p is string s ? s : "{" + ((Value)p).Describe() + "}");
        }

        return sb.ToString();
    }
}
