using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Diagnostics;
using CmkLint.Text;

namespace CmkLint.Bicep.Modules;

/// <summary>
/// The parts of a <c>bicepconfig.json</c> that decide where modules come from: <c>moduleAliases</c>
/// (merged over the built-in <c>br/public</c> → <c>mcr.microsoft.com/bicep</c>, as the Bicep CLI
/// merges a file over its built-in configuration) and <c>cacheRootDirectory</c>.
/// </summary>
internal sealed class BicepConfiguration
{
    /// <summary>The file name the Bicep CLI looks for in each folder above a Bicep file.</summary>
    public const string FileName = "bicepconfig.json";

    private BicepConfiguration(string? path)
    {
        Path = path;
        var builtIn = new OciAlias("mcr.microsoft.com", "bicep");
        OciAliasEntries["public"] = builtIn;
        OciAliases["public"] = builtIn.ToString();
    }

    /// <summary>The configuration when no <c>bicepconfig.json</c> is found: the built-in aliases and the default cache.</summary>
    public static BicepConfiguration BuiltIn { get; } = new(null);

    /// <summary>The file's full path, null for the built-in configuration.</summary>
    public string? Path { get; }

    /// <summary><c>br/&lt;alias&gt;</c>: the registry and optional module path the alias stands for.</summary>
    public Dictionary<string, OciAlias> OciAliasEntries { get; } = new(StringComparer.Ordinal);

    /// <summary><c>br/&lt;alias&gt;</c> → <c>registry[/modulePath]</c>.</summary>
    public Dictionary<string, string> OciAliases { get; } = new(StringComparer.Ordinal);

    /// <summary><c>ts/&lt;alias&gt;</c> → <c>subscription/resourceGroup</c>.</summary>
    public Dictionary<string, string> TemplateSpecAliases { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>cacheRootDirectory</c> value, when set.</summary>
    public string? CacheRootDirectory { get; private set; }

    /// <summary>Problems in the file (CMK900 at their line and column).</summary>
    public List<Finding> Diagnostics { get; } = new();

    /// <summary>Where the configuration came from, for messages.</summary>
    public string Describe() => Path is null ? "the built-in Bicep configuration" : Loading.TemplateLoader.DisplayPath(Path);

    /// <summary>The cache root the Bicep CLI uses: <c>cacheRootDirectory</c>, else <c>~/.bicep</c> (the home folder from <c>HOME</c>).</summary>
    public string? CacheRoot(string? homeDirectory)
    {
        if (!string.IsNullOrWhiteSpace(CacheRootDirectory))
        {
            return CacheRootDirectory;
        }

        return string.IsNullOrEmpty(homeDirectory) ? null : System.IO.Path.Combine(homeDirectory, ".bicep");
    }

    /// <summary>Reads a <c>bicepconfig.json</c>; what it cannot use becomes a located CMK900 and the built-in value is kept.</summary>
    public static BicepConfiguration Read(SourceFile file, string fullPath)
    {
        var configuration = new BicepConfiguration(fullPath);
        var root = JsonParser.Parse(file, out var error);
        if (root is null)
        {
            configuration.Invalid(error?.Span ?? file.Span(0, 0), "invalid JSON in bicepconfig.json: " + (error?.Message ?? "the file cannot be parsed"));
            return configuration;
        }

        if (root is not JsonObject obj)
        {
            configuration.Invalid(root.Span, "bicepconfig.json must hold a JSON object");
            return configuration;
        }

        if (obj.Find("cacheRootDirectory") is { } cache)
        {
            if (cache.Value is JsonString s)
            {
                // The Bicep CLI stops with "File path must be absolute" on a relative cache root.
                if (!string.IsNullOrWhiteSpace(s.Value) && !IsAbsolute(s.Value))
                {
                    configuration.Invalid(s.Span, $"cacheRootDirectory '{s.Value}' must be an absolute path (the Bicep CLI does not resolve relative paths or '~')");
                }
                else
                {
                    configuration.CacheRootDirectory = s.Value;
                }
            }
            else if (cache.Value is not JsonNull)
            {
                configuration.Invalid(cache.Value.Span, "cacheRootDirectory must be a string");
            }
        }

        if (obj.Find("moduleAliases") is { } aliases)
        {
            if (aliases.Value is JsonObject aliasObject)
            {
                configuration.ReadAliases(aliasObject);
            }
            else
            {
                configuration.Invalid(aliases.Value.Span, "moduleAliases must be an object with 'br' and 'ts' aliases");
            }
        }

        return configuration;
    }

    private void ReadAliases(JsonObject aliases)
    {
        foreach (var scheme in aliases.Properties)
        {
            if (scheme.Value is not JsonObject entries)
            {
                Invalid(scheme.Value.Span, $"moduleAliases.{scheme.Name} must be an object of aliases");
                continue;
            }

            foreach (var entry in entries.Properties)
            {
                if (entry.Value is not JsonObject alias)
                {
                    Invalid(entry.Value.Span, $"module alias '{scheme.Name}/{entry.Name}' must be an object");
                    continue;
                }

                if (scheme.Name == "br")
                {
                    // Merged over the built-in entry: an alias that only changes the registry keeps the built-in module path.
                    OciAliasEntries.TryGetValue(entry.Name, out var builtIn);
                    string? registry = StringMember(alias, "registry", entry.Name) ?? builtIn?.Registry;
                    string? modulePath = alias.Find("modulePath") is not null ? StringMember(alias, "modulePath", entry.Name) : builtIn?.ModulePath;
                    if (registry is null)
                    {
                        OciAliases.Remove(entry.Name);
                        continue;
                    }

                    var value = new OciAlias(registry, modulePath);
                    OciAliasEntries[entry.Name] = value;
                    OciAliases[entry.Name] = value.ToString();
                }
                else if (scheme.Name == "ts")
                {
                    string? subscription = StringMember(alias, "subscription", entry.Name);
                    string? group = StringMember(alias, "resourceGroup", entry.Name);
                    if (subscription is not null && group is not null)
                    {
                        TemplateSpecAliases[entry.Name] = subscription + "/" + group;
                    }
                }
            }
        }
    }

    private string? StringMember(JsonObject alias, string name, string aliasName)
    {
        if (alias.Find(name) is not { } member || member.Value is JsonNull)
        {
            return null;
        }

        if (member.Value is JsonString s)
        {
            return s.Value;
        }

        Invalid(member.Value.Span, $"'{name}' of module alias '{aliasName}' must be a string");
        return null;
    }

    private static bool IsAbsolute(string path)
    {
        try
        {
            return System.IO.Path.IsPathRooted(path) && (path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':'));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Invalid(SourceSpan span, string message) => Diagnostics.Add(InputDiagnostics.Invalid(span, message));

    /// <summary>A <c>br</c> alias: a registry and an optional module path prefix.</summary>
    internal sealed class OciAlias
    {
        public OciAlias(string registry, string? modulePath)
        {
            Registry = registry;
            ModulePath = modulePath;
        }

        public string Registry { get; }

        public string? ModulePath { get; }

        public override string ToString() => ModulePath is null ? Registry : Registry + "/" + ModulePath;
    }
}
