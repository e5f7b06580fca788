using System;
using System.Collections.Generic;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Text;

namespace CmkLint.Rules;

/// <summary>Which language a message and its suggested fix are written in: the language of the file the finding points at.</summary>
public enum SourceLanguage
{
    /// <summary>ARM JSON: <c>reference(resourceId(...)).clientId</c>, <c>"enablePurgeProtection": true</c>.</summary>
    ArmJson,

    /// <summary>Bicep: <c>uami.properties.clientId</c>, <c>vault::key.properties.keyUri</c>, <c>enablePurgeProtection: true</c>.</summary>
    Bicep,

    /// <summary>C# infrastructure code: ARM terms that the analyzer's <c>SdkVocabulary</c> rewrites into the names of the SDK the code uses.</summary>
    CSharp,
}

/// <summary>
/// How rules write code in messages and fix titles, so that a finding speaks the language of the file it
/// points at (issue 17): a Bicep file is told <c>uami.properties.clientId</c>, not ARM's <c>reference()</c>.
/// C# findings keep the ARM phrases the analyzer's <c>SdkVocabulary</c> turns into the names of the SDK
/// the code uses (they differ between Azure.Provisioning, Azure.ResourceManager and Pulumi).
/// </summary>
public sealed class Phrasing
{
    private static readonly Phrasing ArmJsonPhrasing = new(SourceLanguage.ArmJson);
    private static readonly Phrasing BicepPhrasing = new(SourceLanguage.Bicep);
    private static readonly Phrasing CSharpPhrasing = new(SourceLanguage.CSharp);

    private Phrasing(SourceLanguage language)
    {
        Language = language;
    }

    public SourceLanguage Language { get; }

    public bool IsBicep => Language == SourceLanguage.Bicep;

    /// <summary>The phrasing of the file <paramref name="span"/> is in (ARM JSON for a span with no file).</summary>
    public static Phrasing For(SourceSpan span)
    {
        string path = span.File?.Path ?? string.Empty;
        if (path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
        {
            return BicepPhrasing;
        }

        return path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? CSharpPhrasing : ArmJsonPhrasing;
    }

    /// <summary>The phrase for this language; <paramref name="csharp"/> is the ARM-terms text the analyzer's SDK vocabulary knows.</summary>
    public string Choose(string bicep, string json, string csharp) => Language switch
    {
        SourceLanguage.Bicep => bicep,
        SourceLanguage.CSharp => csharp,
        _ => json,
    };

    /// <summary>A property set to a boolean: <c>name: true</c> in Bicep, <c>"name": true</c> in ARM JSON.</summary>
    public string Assignment(string property, bool value) =>
        (IsBicep ? property : "\"" + property + "\"") + ": " + (value ? "true" : "false");

    /// <summary>
    /// A runtime property of a resource as the file reads it: <c>uami.properties.clientId</c> or
    /// <c>vault::key.properties.keyUri</c> in Bicep, <c>reference('uami').clientId</c> or
    /// <c>reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv', 'key')).keyUri</c> in ARM JSON;
    /// <paramref name="fallback"/> (<c>the identity</c>) names the resource when it is not declared in the files.
    /// </summary>
    public string RuntimeProperty(ResourceInstance? resource, string property, string fallback)
    {
        if (IsBicep)
        {
            return resource?.Declaration.SymbolicName is not null ? resource.DisplayName + ".properties." + property : fallback + "'s properties." + property;
        }

        return resource is null ? $"reference({fallback}).{property}" : $"reference({ArmReference(resource)}).{property}";
    }

    /// <summary>How the registry is made to wait for a grant: <c>Add dependsOn: [ vault::grant ] to the registry.</c> in Bicep, the grant's <c>resourceId()</c> in ARM JSON.</summary>
    public string WaitFor(ResourceInstance grant)
    {
        const string Generic = "Add the grant to the registry's dependsOn.";
        if (IsBicep)
        {
            return grant.Declaration.SymbolicName is not null ? $"Add dependsOn: [ {grant.DisplayName} ] to the registry." : Generic;
        }

        return Language == SourceLanguage.ArmJson && grant.Name is StringValue ? $"Add \"[{ArmResourceId(grant)}]\" to the registry's dependsOn." : Generic;
    }

    /// <summary>
    /// A value as the file writes it: in ARM JSON a reference to a resource's runtime property reads
    /// <c>reference('uami').principalId</c> (<c>reference(...)</c> returns <c>properties</c>); elsewhere
    /// (Bicep, C#, and values that are not references) the engine's own description.
    /// </summary>
    public string Describe(Value value)
    {
        if (Language != SourceLanguage.ArmJson || value is not ResourceReferenceValue { IsModule: false } reference || reference.Resource.Instance is not { } resource
            || reference.Path.Count < 2 || !string.Equals(reference.Path[0], "properties", StringComparison.OrdinalIgnoreCase))
        {
            return value.Describe();
        }

        var rest = new List<string>(reference.Path);
        rest.RemoveAt(0);
        return $"reference({ArmReference(resource)}).{string.Join(".", rest)}";
    }

    /// <summary>The ARM argument of <c>reference()</c>: a symbolic name (languageVersion 2.0) or a plain name, else <c>resourceId(...)</c>.</summary>
    private static string ArmReference(ResourceInstance resource)
    {
        if (resource.Declaration.SymbolicName is { } symbol)
        {
            return "'" + symbol + "'";
        }

        return resource.Name is StringValue { Text: var name } && name.IndexOf('/') < 0 ? "'" + name + "'" : ArmResourceId(resource);
    }

    private static string ArmResourceId(ResourceInstance resource)
    {
        var parts = new List<string> { "'" + resource.Type + "'" };
        if (resource.Name is StringValue name)
        {
            foreach (var segment in name.Text.Split('/'))
            {
                parts.Add("'" + segment + "'");
            }
        }
        else
        {
            parts.Add("...");
        }

        return "resourceId(" + string.Join(", ", parts) + ")";
    }
}
