using System.Collections.Generic;
using CmkLint.Bicep.Modules;
using CmkLint.Bicep.Syntax;
using CmkLint.Diagnostics;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// Registry (<c>br:</c>) and template spec (<c>ts:</c>) modules and imports: read from the Bicep
/// module cache where <c>bicep restore</c> put them; a module missing from the cache is a note
/// only when a CMK check could depend on it.
/// </summary>
internal sealed partial class TemplateLowering
{
    private readonly List<PendingRegistryImport> pendingRegistryImports = new();
    private readonly HashSet<string> unresolvedValueUses = new(System.StringComparer.Ordinal);
    private ProgramSyntax? program;

    /// <summary>The template of a registry module from the cache (this call's own copy), and the call that findings inside it move to.</summary>
    private Template? LoadRegistryModule(ModuleDeclarationSyntax syntax, string path, out RegistryModuleCall? call)
    {
        call = null;
        var cached = LoadFromCache(path, syntax.Path.Span, "module");
        if (cached is null)
        {
            return null;
        }

        if (cached.Template is null)
        {
            if (program is null || ModuleRelevance.Matters(syntax, path, program))
            {
                NotRestored(syntax.Path.Span, "module", path, cached);
            }

            return null;
        }

        call = new RegistryModuleCall(path, syntax.SymbolName, syntax.Path.Span, cached.Template);
        return cached.Template;
    }

    /// <summary>The template an <c>import</c> from a registry reads; when it is not cached, the note waits until a value use shows a check depends on it.</summary>
    private Template? LoadRegistryImport(ImportDeclarationSyntax import, string path)
    {
        var cached = LoadFromCache(path, import.Path.Span, "import");
        if (cached is null || cached.Template is not null)
        {
            return cached?.Template;
        }

        var names = new List<string>();
        foreach (var symbol in import.Symbols)
        {
            if (symbol.LocalName is string local)
            {
                names.Add(local);
            }
        }

        if (import.WildcardAlias is { IsMissing: false } alias)
        {
            names.Add(alias.Name + ".");
        }

        pendingRegistryImports.Add(new PendingRegistryImport(import.Path.Span, path, names, cached));
        return null;
    }

    private CachedModule? LoadFromCache(string path, SourceSpan span, string what)
    {
        if (loader is null)
        {
            return null;
        }

        var cache = Modules.BicepModuleCache.Of(loader);
        var configuration = cache.ConfigurationFor(file.Path);
        template.Diagnostics.AddRange(cache.TakeDiagnostics(configuration));
        var reference = ModuleReference.Parse(path, configuration, out var error);
        if (reference is null)
        {
            // The Bicep CLI rejects the reference, so the file does not compile.
            Invalid(span, $"{what} '{path}': {error}");
            return null;
        }

        return cache.Load(reference, configuration);
    }

    /// <summary>Registry imports not in the cache whose symbols the file uses as values: those checks need the module.</summary>
    private void ReportPendingRegistryImports()
    {
        foreach (var pending in pendingRegistryImports)
        {
            foreach (var name in pending.Names)
            {
                bool used = name.EndsWith(".", System.StringComparison.Ordinal) ? UsesNamespace(name) : unresolvedValueUses.Contains(name);
                if (used)
                {
                    NotRestored(pending.Span, "import", pending.Path, pending.Cached);
                    break;
                }
            }
        }
    }

    private bool UsesNamespace(string prefix)
    {
        foreach (var use in unresolvedValueUses)
        {
            if (use.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void NotRestored(SourceSpan span, string what, string path, CachedModule cached)
    {
        string message = cached.IsMissing
            ? $"{what} '{path}' is not in the Bicep module cache{(cached.Path is null ? string.Empty : " (" + Loading.TemplateLoader.DisplayPath(cached.Path) + ")")}: {cached.Problem}; run 'bicep restore' on this file before cmklint so the checks that depend on the module can see inside it"
            : $"{what} '{path}' in the Bicep module cache cannot be read ({cached.Problem}); run 'bicep restore --force' on this file before cmklint";
        template.Diagnostics.Add(new Finding(InputDiagnostics.UnsupportedConstruct, Level.Note, message, span, $"CMK901|{span.File?.Path}|{what} {path}|{span.Start}"));
    }

    private sealed class PendingRegistryImport
    {
        public PendingRegistryImport(SourceSpan span, string path, List<string> names, CachedModule cached)
        {
            Span = span;
            Path = path;
            Names = names;
            Cached = cached;
        }

        public SourceSpan Span { get; }

        public string Path { get; }

        public List<string> Names { get; }

        public CachedModule Cached { get; }
    }
}
