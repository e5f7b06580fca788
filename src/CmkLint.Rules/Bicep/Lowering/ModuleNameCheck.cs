using System;
using System.Collections.Generic;
using System.Text;
using CmkLint.Bicep.Syntax;
using CmkLint.Diagnostics;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// BCP122: two modules with the same literal deployment name and the same scope would overwrite
/// each other's deployment; the compiler rejects them, and so does CmkLint (only literal names and
/// scopes written the same way are compared: anything else might differ at deployment).
/// </summary>
internal static class ModuleNameCheck
{
    public static void ReportDuplicates(ProgramSyntax program, List<Finding> into)
    {
        var groups = new Dictionary<string, List<ModuleDeclarationSyntax>>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in program.Modules)
        {
            if (module.Loop is not null || module.Body?.TryGetProperty("name")?.Value is not StringSyntax { Value: string name })
            {
                continue;
            }

            var scope = module.Body.TryGetProperty("scope")?.Value;
            string key = name + "|" + (scope is null ? string.Empty : Compact(scope.Span.Text));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<ModuleDeclarationSyntax>();
            }

            list.Add(module);
        }

        foreach (var group in groups.Values)
        {
            if (group.Count < 2)
            {
                continue;
            }

            var names = new List<string>();
            foreach (var m in group)
            {
                names.Add(m.SymbolName);
            }

            foreach (var m in group)
            {
                into.Add(InputDiagnostics.Invalid(m.NameSpan, $"BCP122: Modules: \"{string.Join("\", \"", names)}\" are defined with this same name and this same scope."));
            }
        }
    }

    private static string Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
