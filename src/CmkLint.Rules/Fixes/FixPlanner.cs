using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Text;

namespace CmkLint.Fixes;

/// <summary>
/// Turns the <see cref="SuggestedFix"/> a rule attached to a finding into minimal text edits for Bicep
/// and ARM JSON, only where the source text is exactly what the rule saw (a literal written in place,
/// one property access, an object or array literal): never through a variable, an expression or an
/// unknown value. Formatting and comments around the edit are kept.
/// </summary>
public static class FixPlanner
{
    /// <summary>The rules whose findings can carry a fix (when the values prove it): what <c>cmklint rules</c> marks.</summary>
    public static IReadOnlyCollection<string> FixableRules { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "CMK001", "CMK003", "CMK005", "CMK006", "CMK013", "CMK014" };

    /// <summary>The edits for one reported violation, or null when it has no certain fix.</summary>
    public static FindingFix? Plan(Finding finding)
    {
        if (finding.Fix is not { } fix || finding.Kind != FindingKind.Violation || finding.IsSuppressed || finding.Level == Level.None)
        {
            return null;
        }

        var edits = new List<TextEdit>();
        foreach (var change in fix.Changes)
        {
            var edit = Edit(change);
            if (edit is null)
            {
                return null;
            }

            foreach (var other in edits)
            {
                if (other.Overlaps(edit))
                {
                    return null;
                }
            }

            edits.Add(edit);
        }

        return edits.Count == 0 ? null : new FindingFix(finding, fix.Title, edits);
    }

    /// <summary>
    /// The fixes of many findings, in order: a fix whose edits overlap an earlier one's is left out
    /// (identical edits, such as one parameter default behind two findings, are shared).
    /// </summary>
    public static IReadOnlyList<FindingFix> Plan(IEnumerable<Finding> findings)
    {
        var accepted = new List<FindingFix>();
        var taken = new List<TextEdit>();
        foreach (var finding in findings)
        {
            if (Plan(finding) is not { } fix)
            {
                continue;
            }

            bool conflicts = false;
            foreach (var edit in fix.Edits)
            {
                foreach (var other in taken)
                {
                    if (other.Overlaps(edit) && !other.Equals(edit))
                    {
                        conflicts = true;
                    }
                }
            }

            if (!conflicts)
            {
                accepted.Add(fix);
                taken.AddRange(fix.Edits);
            }
        }

        return accepted;
    }

    private static TextEdit? Edit(SuggestedChange change)
    {
        var span = change.Span;
        if (span.File is not { } file || span.End > file.Text.Length || FixSyntax.For(file.Path) is not { } syntax)
        {
            return null;
        }

        string text = span.Text;
        switch (change.Kind)
        {
            case ChangeKind.ReplaceLiteral:
                var literal = syntax.ReadLiteral(text);
                return literal is not null && Equals(literal, change.Expected) ? new TextEdit(span, syntax.Write(change.Replacement)) : null;
            case ChangeKind.RenameAccess:
                return RenameAccess(span, (string)change.Expected!, (string)change.Replacement);
            case ChangeKind.ReplaceText:
                int at = OnlyOccurrence(text, (string)change.Expected!, identifier: false);
                return at < 0 ? null : new TextEdit(file.Span(span.Start + at, ((string)change.Expected!).Length), (string)change.Replacement);
            case ChangeKind.AddProperty:
                return change.Member is null ? null : InsertFirst(span, syntax, '{', '}', syntax.Property(change.Member, change.Replacement));
            case ChangeKind.ReplaceArray:
                return ReplaceArray(span, syntax.Write(change.Replacement));
            default:
                return null;
        }
    }

    private static TextEdit? RenameAccess(SourceSpan span, string from, string to)
    {
        int at = OnlyOccurrence(span.Text, "." + from, identifier: true);
        return at < 0 ? null : new TextEdit(span.File!.Span(span.Start + at + 1, from.Length), to);
    }

    /// <summary>The offset of the single occurrence of <paramref name="what"/> (as a whole name when <paramref name="identifier"/>), else -1.</summary>
    private static int OnlyOccurrence(string text, string what, bool identifier)
    {
        int found = -1;
        int from = 0;
        while (from <= text.Length - what.Length)
        {
            int at = text.IndexOf(what, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            bool whole = !identifier || at + what.Length >= text.Length || !FixSyntax.IsIdentifierChar(text[at + what.Length]);
            if (whole)
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = at;
            }

            from = at + 1;
        }

        return found;
    }

    /// <summary>Inserts <paramref name="line"/> as the first member of the object or array literal at <paramref name="span"/>, indented like its members.</summary>
    private static TextEdit? InsertFirst(SourceSpan span, FixSyntax syntax, char open, char close, string line)
    {
        string text = span.Text;
        var file = span.File!;
        if (text.Length < 2 || text[0] != open || text[text.Length - 1] != close)
        {
            return null;
        }

        string inner = text.Substring(1, text.Length - 2);
        bool empty = FirstSignificant(inner) < 0;
        int lineBreak = text.IndexOf('\n');
        if (lineBreak < 0)
        {
            // One line: JSON (and Bicep with commas) takes "item, " after the bracket; an empty one gets the item alone.
            if (empty && inner.Trim().Length == 0)
            {
                return syntax.IsBicep ? null : new TextEdit(file.Span(span.Start + 1, inner.Length), " " + line + " ");
            }

            if (empty || (syntax.IsBicep && inner.IndexOf(',') < 0))
            {
                return null;
            }

            int first = 1;
            while (char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            return new TextEdit(file.Span(span.Start + first, 0), line + ", ");
        }

        // Only whitespace or a line comment may follow the bracket on its line.
        string rest = text.Substring(1, lineBreak - 1).Trim();
        if (rest.Length > 0 && !rest.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        if (empty && inner.Trim().Length > 0)
        {
            // Only comments inside: where the member goes relative to them is a guess.
            return null;
        }

        int insertAt = lineBreak + 1;
        int lineStart = insertAt;
        int indentEnd;
        while (true)
        {
            indentEnd = lineStart;
            while (indentEnd < text.Length && (text[indentEnd] == ' ' || text[indentEnd] == '\t'))
            {
                indentEnd++;
            }

            // Blank lines do not say how members are indented.
            int next = text.IndexOf('\n', indentEnd);
            if (next < 0 || (text[indentEnd] != '\r' && text[indentEnd] != '\n'))
            {
                break;
            }

            lineStart = next + 1;
        }

        string indent = text.Substring(lineStart, indentEnd - lineStart);
        if (indentEnd == text.Length - 1)
        {
            // The next line closes the literal: one level deeper than the closing bracket.
            indent += indent.IndexOf('\t') >= 0 ? "\t" : "  ";
        }

        string newLine = file.Text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
        string comma = !syntax.IsBicep && !empty ? "," : string.Empty;
        return new TextEdit(file.Span(span.Start + insertAt, 0), indent + line + comma + newLine);
    }

    /// <summary>The array literal at <paramref name="span"/> holding only <paramref name="item"/>, laid out as it was (one line, or one item a line); null when it holds comments.</summary>
    private static TextEdit? ReplaceArray(SourceSpan span, string item)
    {
        string text = span.Text;
        if (text.Length < 2 || text[0] != '[' || text[text.Length - 1] != ']' || text.Contains("//") || text.Contains("/*"))
        {
            return null;
        }

        int lineBreak = text.IndexOf('\n');
        if (lineBreak < 0)
        {
            return new TextEdit(span, "[" + item + "]");
        }

        string newLine = lineBreak > 0 && text[lineBreak - 1] == '\r' ? "\r\n" : "\n";
        int itemIndent = lineBreak + 1;
        while (itemIndent < text.Length && (text[itemIndent] == ' ' || text[itemIndent] == '\t'))
        {
            itemIndent++;
        }

        int lastBreak = text.LastIndexOf('\n');
        string closing = text.Substring(lastBreak + 1, text.Length - 1 - (lastBreak + 1));
        if (closing.Trim().Length > 0)
        {
            return null;
        }

        return new TextEdit(span, "[" + newLine + text.Substring(lineBreak + 1, itemIndent - lineBreak - 1) + item + newLine + closing + "]");
    }

    /// <summary>The index of the first character that is neither whitespace nor a comment, or -1.</summary>
    private static int FirstSignificant(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                int end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }
}
