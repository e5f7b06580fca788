using System;
using System.Collections.Generic;
using CmkLint.Bicep.Syntax;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>Bicep's diagnostics pragmas as suppressions: <c>#disable-next-line</c> covers the next line, <c>#disable-diagnostics</c> runs to the matching <c>#restore-diagnostics</c> or the end of the file.</summary>
internal static class PragmaSuppressions
{
    public static void Add(BicepSyntaxTree tree, List<Suppression> into)
    {
        var file = tree.File;
        var pragmas = tree.Pragmas;
        for (int i = 0; i < pragmas.Count; i++)
        {
            var pragma = pragmas[i];
            switch (pragma.Kind)
            {
                case PragmaKind.DisableNextLine:
                    var scope = NextLine(file, pragma.Span);
                    foreach (var code in pragma.Codes)
                    {
                        into.Add(new Suppression(code.Code, scope, null, SuppressionKind.NextLine) { At = code.Span });
                    }

                    break;
                case PragmaKind.DisableDiagnostics:
                    foreach (var code in pragma.Codes)
                    {
                        int end = RestoreOf(pragmas, i, code.Code)?.Span.Start ?? file.Text.Length;
                        into.Add(new Suppression(code.Code, file.Span(pragma.Span.Start, end - pragma.Span.Start), null, SuppressionKind.Region) { At = code.Span });
                    }

                    break;
            }
        }
    }

    private static SourceSpan NextLine(SourceFile file, SourceSpan pragma)
    {
        int line = pragma.StartPosition.Line + 1;
        if (line > file.LineCount)
        {
            return file.Span(file.Text.Length, 0);
        }

        int start = file.GetOffset(new LinePosition(line, 1));
        return file.Span(start, file.GetLineText(line).Length);
    }

    private static PragmaSyntax? RestoreOf(IReadOnlyList<PragmaSyntax> pragmas, int from, string code)
    {
        for (int j = from + 1; j < pragmas.Count; j++)
        {
            if (pragmas[j].Kind != PragmaKind.RestoreDiagnostics)
            {
                continue;
            }

            foreach (var c in pragmas[j].Codes)
            {
                if (string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
                {
                    return pragmas[j];
                }
            }
        }

        return null;
    }
}
