using System;
using CmkLint.Bicep.Lowering;
using CmkLint.Bicep.Syntax;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep;

/// <summary>The Bicep front end: <c>.bicep</c> templates (with their local modules) and <c>.bicepparam</c> parameters files.</summary>
public sealed class BicepFrontEnd : ITemplateFrontEnd
{
    public bool Handles(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);

    public FrontEndResult Read(SourceFile file, TemplateLoader loader)
    {
        var tree = ModuleLoadGuard.TakeParsed(loader, file) ?? BicepParser.Parse(file);
        var result = new FrontEndResult { IsRelevant = true };
        using (ModuleLoadGuard.Enter(loader, tree))
        {
            if (tree.Kind == BicepFileKind.Parameters)
            {
                ParametersFileLowering.Lower(tree, loader, result);
                AddSyntaxErrors(tree, result.Diagnostics);
            }
            else
            {
                var template = TemplateLowering.Lower(tree, loader);
                AddSyntaxErrors(tree, template.Diagnostics);
                result.Template = template;
            }
        }

        return result;
    }

    /// <summary>Lowers one Bicep file without a run (modules and imports are then not followed).</summary>
    public static Template LowerTemplate(SourceFile file)
    {
        var tree = BicepParser.Parse(file, BicepFileKind.Template);
        var template = TemplateLowering.Lower(tree, null);
        AddSyntaxErrors(tree, template.Diagnostics);
        return template;
    }

    private static void AddSyntaxErrors(BicepSyntaxTree tree, System.Collections.Generic.List<Finding> into)
    {
        // Errors come first in the list so that readers see the cause before the notes it led to.
        var errors = new System.Collections.Generic.List<Finding>(tree.Diagnostics.Count);
        foreach (var d in tree.Diagnostics)
        {
            errors.Add(d.IsNote ? InputDiagnostics.UnreadableValue(d.Span, $"{d.Code}: {d.Message}") : InputDiagnostics.Invalid(d.Span, $"{d.Code}: {d.Message}"));
        }

        into.InsertRange(0, errors);
    }
}
