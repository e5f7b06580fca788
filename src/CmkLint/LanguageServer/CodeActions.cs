using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Text;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary><c>textDocument/codeAction</c>: a quick fix for each finding in the range whose fix is certain.</summary>
internal static class CodeActions
{
    public static JArray For(JObject parameters, OpenDocuments documents, IncrementalAnalysis analysis)
    {
        var actions = new JArray();
        var uri = parameters.SelectToken("textDocument.uri");
        string? uriText = uri?.Type == JTokenType.String ? (string?)uri : null;
        if (DocumentUri.ToPath(uriText) is not string path || parameters["range"] is not JObject range
            || !OpenDocuments.TryPosition(range["start"], out int startLine, out int startCharacter)
            || !OpenDocuments.TryPosition(range["end"], out int endLine, out int endCharacter))
        {
            return actions;
        }

        var document = documents.Find(path);
        foreach (var finding in analysis.FindingsIn(path))
        {
            if (finding.Span.IsNone || document is null || !string.Equals(finding.Span.File!.Text, document.Text, StringComparison.Ordinal))
            {
                // Only fixes computed on the text the editor has now: an edit made since would shift them.
                continue;
            }

            var start = finding.Span.StartPosition;
            var end = finding.Span.EndPosition;
            if (Before(end.Line - 1, end.Character(), startLine, startCharacter) || Before(endLine, endCharacter, start.Line - 1, start.Character()))
            {
                continue;
            }

            foreach (var fix in FindingFixes.For(finding))
            {
                actions.Add(Action(uriText!, finding, fix));
            }
        }

        return actions;
    }

    private static int Character(this LinePosition position) => position.Column - 1;

    private static bool Before(int line, int character, int otherLine, int otherCharacter) =>
        line < otherLine || (line == otherLine && character < otherCharacter);

    private static JObject Action(string uri, Finding finding, TextFix fix)
    {
        var edits = new JArray();
        foreach (var edit in fix.Edits)
        {
            edits.Add(new JObject { ["range"] = LspDiagnostics.Range(edit.Span), ["newText"] = edit.NewText });
        }

        return new JObject
        {
            ["title"] = $"{fix.Title} ({finding.RuleId})",
            ["kind"] = "quickfix",
            ["isPreferred"] = true,
            ["diagnostics"] = new JArray(LspDiagnostics.ToDiagnostic(finding, Level.Error)),
            ["edit"] = new JObject { ["changes"] = new JObject { [uri] = edits } },
        };
    }
}

/// <summary>One replacement in a file.</summary>
internal sealed record TextReplacement(SourceSpan Span, string NewText);

/// <summary>A named set of replacements that fixes one finding.</summary>
internal sealed record TextFix(string Title, IReadOnlyList<TextReplacement> Edits);

/// <summary>
/// The fixes the server can compute from a finding alone, where they are certain: the finding points at a string
/// literal (not a parameter or an expression) whose right value is known, or at the one property name to change.
/// </summary>
internal static class FindingFixes
{
    public static IEnumerable<TextFix> For(Finding finding)
    {
        if (finding.Kind != FindingKind.Violation || finding.Span.IsNone)
        {
            yield break;
        }

        string text = finding.Span.Text;
        switch (finding.RuleId)
        {
            case "CMK001" when IsLiteral(text):
                yield return Replace(finding, "Use the Premium SKU", Quote(text, "Premium"));
                break;
            case "CMK006" when IsLiteral(text):
                yield return Replace(finding, "Turn content trust off", Quote(text, "disabled"));
                break;
            case "CMK013":
                const string versioned = "keyUriWithVersion";
                int at = text.IndexOf(versioned, StringComparison.Ordinal);
                if (at >= 0 && text.IndexOf(versioned, at + 1, StringComparison.Ordinal) < 0)
                {
                    var span = finding.Span.File!.Span(finding.Span.Start + at, versioned.Length);
                    yield return new TextFix("Use the versionless key URI (keyUri)", new[] { new TextReplacement(span, "keyUri") });
                }

                break;
        }
    }

    private static TextFix Replace(Finding finding, string title, string newText) => new(title, new[] { new TextReplacement(finding.Span, newText) });

    /// <summary>A plain quoted word (<c>'Standard'</c>, <c>"enabled"</c>): no interpolation, no ARM expression.</summary>
    private static bool IsLiteral(string text)
    {
        if (text.Length < 3 || (text[0] != '\'' && text[0] != '"') || text[text.Length - 1] != text[0])
        {
            return false;
        }

        for (int i = 1; i < text.Length - 1; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string original, string value) => original[0] + value + original[0];
}
