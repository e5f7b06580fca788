using CmkLint.Diagnostics;
using CmkLint.Loading;

namespace CmkLint.Engine;

/// <summary>A parameters file named for a template (<c>--parameters</c>, <c>cmklint.json</c>) that cannot be used with it.</summary>
internal static class ExplicitParameters
{
    public static Finding Unusable(string parametersPath, string templatePath, FrontEndResult parameters)
    {
        string display = TemplateLoader.DisplayPath(parametersPath);
        string template = TemplateLoader.DisplayPath(templatePath);
        string why = parameters.ParameterValues is null
            ? "it is not a parameters file (an ARM parameters file has \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\" and \"parameters\"; a Bicep one is a .bicepparam with 'using')"
            : $"its 'using' names another template ({TemplateLoader.DisplayPath(parameters.UsingTemplate ?? string.Empty)})";
        return InputDiagnostics.Unreadable(display, $"'{display}' is given as the parameters file of '{template}', but {why}; '{template}' was not analysed with it");
    }
}
