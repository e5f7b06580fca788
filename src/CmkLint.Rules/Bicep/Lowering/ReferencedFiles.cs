using System;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// The local files a Bicep file's modules and imports refer to, read through the run's loader: the path
/// resolved beside the referring file, refusals of the file system, the compiler's BCP091 for a missing
/// file, cycles, and the depth budget of modules loaded from modules. Registry modules are not here
/// (<c>TemplateLowering.Registry.cs</c>).
/// </summary>
internal sealed class ReferencedFiles
{
    private readonly SourceFile file;
    private readonly TemplateLoader? loader;
    private readonly Template template;
    private readonly Action<SourceSpan, string> unsupported;
    private readonly Action<SourceSpan, string> invalid;

    /// <summary>References of <paramref name="file"/>; <paramref name="unsupported"/> reports one CmkLint cannot follow (a CMK901 note), <paramref name="invalid"/> one the compiler rejects.</summary>
    public ReferencedFiles(SourceFile file, TemplateLoader? loader, Template template, Action<SourceSpan, string> unsupported, Action<SourceSpan, string> invalid)
    {
        this.file = file;
        this.loader = loader;
        this.template = template;
        this.unsupported = unsupported;
        this.invalid = invalid;
    }

    /// <summary>Loads a local module's file (the depth budget is decided from the run's reference graph, in <see cref="ModuleLoadGuard"/>).</summary>
    public FrontEndResult? LoadModule(string path, SourceSpan span) => Load(path, span, "module");

    /// <summary>Loads a local file a module or import refers to (once per run); missing files give a CMK901 note.</summary>
    public FrontEndResult? Load(string path, SourceSpan span, string what)
    {
        if (loader is null)
        {
            return null;
        }

        if (ModulePaths.Resolve(file, path, backslashIsSeparator: true) is not string full)
        {
            unsupported(span, $"{what} path '{path}'");
            return null;
        }

        if (loader.FileSystem.RefusalOf(full) is string refusal && refusal != FileAccessPolicy.Missing)
        {
            unsupported(span, $"{what} '{path}' (refused: {refusal})");
            return null;
        }

        if (!loader.FileSystem.FileExists(full) && ModulePaths.StaysBeside(path))
        {
            // The compiler rejects the file (BCP091): an error at the reference, not a note. A path that climbs out of
            // the file's folder may lead outside the analysed files (a partial checkout), so it stays a note.
            invalid(span, $"BCP091: An error occurred reading file. Could not find file '{path}'.");
            return null;
        }

        if (!loader.FileSystem.FileExists(full) || !loader.CanRead(full))
        {
            unsupported(span, $"{what} '{path}' (the file is not found or not a Bicep or JSON file)");
            return null;
        }

        var loaded = ModuleLoadGuard.TryLoad(loader, file, full, out var refused);
        if (refused == ModuleLoadGuard.Refusal.Cycle)
        {
            unsupported(span, $"{what} '{path}' (it refers back to a file that refers to it: a cycle)");
        }
        else if (refused == ModuleLoadGuard.Refusal.TooDeep)
        {
            template.Diagnostics.Add(InputDiagnostics.OverBudget(span, "deploymentDepth", loader.DeploymentDepth, $"{what} '{path}', with files nested more than {loader.DeploymentDepth} levels deep below this one"));
        }

        return loaded;
    }
}
