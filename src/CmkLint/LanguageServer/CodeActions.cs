using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Fixes;
using CmkLint.Text;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary><c>textDocument/codeAction</c>: a quick fix for each finding in the range whose fix is certain (the <c>--fix</c> edits of <see cref="FixPlanner"/>).</summary>
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

        foreach (var finding in analysis.FindingsIn(path))
        {
            if (finding.Span.IsNone)
            {
                continue;
            }

            var start = finding.Span.StartPosition;
            var end = finding.Span.EndPosition;
            if (Before(end.Line - 1, end.Character(), startLine, startCharacter) || Before(endLine, endCharacter, start.Line - 1, start.Character()))
            {
                continue;
            }

            if (FixPlanner.Plan(finding) is { } fix && IsCurrent(fix, documents))
            {
                actions.Add(Action(fix, documents, analysis.Settings.FailLevel));
            }
        }

        return actions;
    }

    private static int Character(this LinePosition position) => position.Column - 1;

    private static bool Before(int line, int character, int otherLine, int otherCharacter) =>
        line < otherLine || (line == otherLine && character < otherCharacter);

    /// <summary>Only fixes computed on the texts the editor has now: an edit made since the analysis would shift them.</summary>
    private static bool IsCurrent(FindingFix fix, OpenDocuments documents)
    {
        foreach (var edit in fix.Edits)
        {
            if (edit.Span.IsNone || documents.Find(LspDiagnostics.FullPath(edit.Path)) is { } open && !string.Equals(open.Text, edit.Span.File!.Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A quick fix whose workspace edit may touch several files (a parameter default, a caller's argument).</summary>
    private static JObject Action(FindingFix fix, OpenDocuments documents, Level failLevel)
    {
        var changes = new JObject();
        foreach (var edit in fix.Edits)
        {
            string full = LspDiagnostics.FullPath(edit.Path);
            string file = documents.Find(full)?.Uri ?? DocumentUri.FromPath(full);
            if (changes[file] is not JArray edits)
            {
                changes[file] = edits = new JArray();
            }

            edits.Add(new JObject { ["range"] = LspDiagnostics.Range(edit.Span), ["newText"] = edit.NewText });
        }

        return new JObject
        {
            ["title"] = $"{fix.Title} ({fix.Finding.RuleId})",
            ["kind"] = "quickfix",
            ["isPreferred"] = true,
            ["diagnostics"] = new JArray(LspDiagnostics.ToDiagnostic(fix.Finding, failLevel)),
            ["edit"] = new JObject { ["changes"] = changes },
        };
    }
}
