using System;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Arm;

/// <summary>The ARM JSON front end: templates and parameters files; other JSON is skipped silently.</summary>
public sealed class ArmFrontEnd : ITemplateFrontEnd
{
    public bool Handles(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonc", StringComparison.OrdinalIgnoreCase);

    public FrontEndResult Read(SourceFile file, TemplateLoader loader)
    {
        var document = ArmTemplateReader.Read(file, loader.DeploymentDepth);
        var result = new FrontEndResult
        {
            Template = document.Template,
            ParameterValues = document.ParameterValues,
            IsRelevant = document.Kind != ArmDocumentKind.Other,
        };
        result.Diagnostics.AddRange(document.Diagnostics);
        return result;
    }
}
