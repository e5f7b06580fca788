using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Rules;

/// <summary>Which language a message and its suggested fix are written in: the language of the file the finding points at.</summary>
public enum SourceLanguage
{
    /// <summary>ARM JSON: <c>reference(resourceId(...)).clientId</c>, <c>"enablePurgeProtection": true</c>.</summary>
    ArmJson,

    /// <summary>Bicep: <c>uami.properties.clientId</c>, <c>vault::key.properties.keyUri</c>, <c>enablePurgeProtection: true</c>.</summary>
    Bicep,

    /// <summary>C# infrastructure code: the types and properties of the SDK the code uses (<c>identity.ClientId</c>, <c>EnablePurgeProtection = true</c>).</summary>
    CSharp,
}

/// <summary>
/// How rules write code in messages and fix titles, so that a finding speaks the language of the file it
/// points at (issue 17): a Bicep file is told <c>uami.properties.clientId</c>, an ARM template
/// <c>reference('uami').clientId</c>, C# the names of the SDK the code uses (Azure.Provisioning,
/// Azure.ResourceManager and Pulumi differ, <see cref="SdkFamily"/>). Rules name properties by their ARM
/// paths (<see cref="Property"/>) and quote values through <see cref="Describe(Value)"/>, never by the engine's notation.
/// </summary>
public sealed class Phrasing
{
    /// <summary>ARM property paths (below <c>properties</c>) → the SDK's property paths: Azure.Provisioning and Azure.ResourceManager name them alike, Pulumi differs.</summary>
    private static readonly Dictionary<string, (string Azure, string Pulumi)> SdkProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["encryption"] = ("Encryption", "Encryption"),
        ["encryption.status"] = ("Encryption.Status", "Encryption.Status"),
        ["encryption.keyVaultProperties.identity"] = ("Encryption.KeyVaultProperties.Identity", "Encryption.KeyVaultProperties.Identity"),
        ["keyVaultProperties.identity"] = ("Encryption.KeyVaultProperties.Identity", "Encryption.KeyVaultProperties.Identity"),
        ["encryption.keyVaultProperties.keyIdentifier"] = ("Encryption.KeyVaultProperties.KeyIdentifier", "Encryption.KeyVaultProperties.KeyIdentifier"),
        ["keyVaultProperties.keyIdentifier"] = ("Encryption.KeyVaultProperties.KeyIdentifier", "Encryption.KeyVaultProperties.KeyIdentifier"),
        ["identity.userAssignedIdentities"] = ("Identity.UserAssignedIdentities", "Identity.UserAssignedIdentities"),
        ["identity.type"] = ("Identity.ManagedServiceIdentityType", "Identity.Type"),
        ["policies.trustPolicy.status"] = ("Policies.TrustPolicy.Status", "Policies.TrustPolicy.Status"),
        ["networkAcls.bypass"] = ("Properties.NetworkRuleSet.Bypass", "Properties.NetworkAcls.Bypass"),
        ["networkAcls.defaultAction"] = ("Properties.NetworkRuleSet.DefaultAction", "Properties.NetworkAcls.DefaultAction"),
        ["publicNetworkAccess"] = ("Properties.PublicNetworkAccess", "Properties.PublicNetworkAccess"),
        ["enablePurgeProtection"] = ("EnablePurgeProtection", "EnablePurgeProtection"),
        ["enableSoftDelete"] = ("EnableSoftDelete", "EnableSoftDelete"),
        ["enableRbacAuthorization"] = ("EnableRbacAuthorization", "EnableRbacAuthorization"),
    };

    /// <summary>A property whose values are an SDK enum → that enum's type (SDK-SHAPES.md): a value reads as its member (<c>ContainerRegistrySkuName.Premium</c>).</summary>
    private static readonly Dictionary<string, (string Azure, string Pulumi)> SdkEnums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sku.name"] = ("ContainerRegistrySkuName", "SkuName"),
        ["encryption.status"] = ("ContainerRegistryEncryptionStatus", "EncryptionStatus"),
        ["policies.trustPolicy.status"] = ("ContainerRegistryPolicyStatus", "PolicyStatus"),
        ["networkAcls.bypass"] = ("KeyVaultNetworkRuleBypassOption", "NetworkRuleBypassOptions"),
        ["identity.type"] = ("ManagedServiceIdentityType", "ResourceIdentityType"),
    };

    private static readonly Phrasing ArmJsonPhrasing = new(SourceLanguage.ArmJson, SdkFamily.None);
    private static readonly Phrasing BicepPhrasing = new(SourceLanguage.Bicep, SdkFamily.None);
    private static readonly Dictionary<SdkFamily, Phrasing> CSharpPhrasings = new()
    {
        [SdkFamily.None] = new(SourceLanguage.CSharp, SdkFamily.None),
        [SdkFamily.Provisioning] = new(SourceLanguage.CSharp, SdkFamily.Provisioning),
        [SdkFamily.ResourceManager] = new(SourceLanguage.CSharp, SdkFamily.ResourceManager),
        [SdkFamily.Pulumi] = new(SourceLanguage.CSharp, SdkFamily.Pulumi),
    };

    private Phrasing(SourceLanguage language, SdkFamily sdk)
    {
        Language = language;
        Sdk = sdk;
    }

    public SourceLanguage Language { get; }

    /// <summary>For C#: the SDK whose names the phrases use.</summary>
    public SdkFamily Sdk { get; }

    public bool IsBicep => Language == SourceLanguage.Bicep;

    private bool IsCSharp => Language == SourceLanguage.CSharp;

    /// <summary>The phrasing of the file <paramref name="span"/> is in (ARM JSON for a span with no file).</summary>
    public static Phrasing For(SourceSpan span)
    {
        string path = span.File?.Path ?? string.Empty;
        if (path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
        {
            return BicepPhrasing;
        }

        return path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? CSharpPhrasings[SdkFamily.None] : ArmJsonPhrasing;
    }

    /// <summary>The phrasing of the file <paramref name="span"/> is in; in C#, in the names of the SDK <paramref name="resource"/>'s code uses.</summary>
    public static Phrasing For(ResourceInstance resource, SourceSpan span)
    {
        var phrasing = For(span.IsNone ? resource.Span : span);
        return phrasing.IsCSharp ? CSharpPhrasings[resource.Declaration.Template.Sdk] : phrasing;
    }

    /// <summary>The phrase for this language.</summary>
    public string Choose(string bicep, string json, string csharp) => Language switch
    {
        SourceLanguage.Bicep => bicep,
        SourceLanguage.CSharp => csharp,
        _ => json,
    };

    /// <summary>A property set to a boolean: <c>name: true</c> in Bicep, <c>"name": true</c> in ARM JSON, <c>Name = true</c> in C#.</summary>
    public string Assignment(string property, bool value) => Setting(property, value ? "true" : "false", quoted: false);

    /// <summary>
    /// A property (an ARM path, <c>sku.name</c>) set to a string: <c>sku: { name: 'Premium' }</c> in Bicep,
    /// <c>"sku": { "name": "Premium" }</c> in ARM JSON, <c>Sku.Name = ContainerRegistrySkuName.Premium</c> in C#.
    /// </summary>
    public string Setting(string path, string value) => Setting(path, value, quoted: true);

    /// <summary>
    /// A property named by its ARM path (<c>keyVaultProperties.identity</c>) as the file names it: the same path
    /// in Bicep and ARM JSON, the SDK's property path in C# (<c>Encryption.KeyVaultProperties.Identity</c>).
    /// </summary>
    public string Property(string path)
    {
        if (!IsCSharp)
        {
            return path;
        }

        string key = path.StartsWith("properties.", StringComparison.OrdinalIgnoreCase) ? path.Substring("properties.".Length) : path;
        if (SdkProperties.TryGetValue(key, out var names))
        {
            return Sdk == SdkFamily.Pulumi ? names.Pulumi : names.Azure;
        }

        return Pascal(key);
    }

    /// <summary>A string value a property (an ARM path) should have, as the file writes it: <c>'Premium'</c>, or the SDK's enum member in C# (<c>ContainerRegistrySkuName.Premium</c>).</summary>
    public string Literal(string path, string value)
    {
        if (IsCSharp && Sdk != SdkFamily.None && SdkEnums.TryGetValue(path, out var types))
        {
            // Enum members are the value's words in Pascal case ('SystemAssigned, UserAssigned' is SystemAssignedUserAssigned; Pulumi joins them with '_').
            var words = value.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = Pascal(words[i]);
            }

            return (Sdk == SdkFamily.Pulumi ? types.Pulumi : types.Azure) + "." + string.Join(Sdk == SdkFamily.Pulumi ? "_" : string.Empty, words);
        }

        return Quote(value);
    }

    /// <summary>
    /// The value of a property (an ARM path) as the file writes it: <see cref="Describe(Value)"/>, except that in C# a
    /// string of a property whose values are an SDK enum reads as its member (<c>ContainerRegistrySkuName.Standard</c>).
    /// </summary>
    public string Describe(string path, Value value) =>
        IsCSharp && value is StringValue { IsLoaded: false } s && SdkEnums.ContainsKey(path) && Sdk != SdkFamily.None ? Literal(path, s.Text) : Describe(value);

    /// <summary>
    /// A runtime property of a resource as the file reads it: <c>uami.properties.clientId</c> or
    /// <c>vault::key.properties.keyUri</c> in Bicep, <c>reference('uami').clientId</c> or
    /// <c>reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv', 'key')).keyUri</c> in ARM JSON,
    /// <c>uami.ClientId</c> in C#; <paramref name="fallback"/> (<c>the identity</c>) names the resource when it is not declared in the files.
    /// </summary>
    public string RuntimeProperty(ResourceInstance? resource, string property, string fallback)
    {
        if (IsBicep)
        {
            return resource?.Declaration.SymbolicName is not null ? resource.DisplayName + ".properties." + property : fallback + "'s properties." + property;
        }

        if (IsCSharp)
        {
            string output = SdkOutput(resource?.Type ?? "Microsoft.ManagedIdentity/userAssignedIdentities", new[] { "properties", property });
            return resource?.Declaration.SymbolicName is not null ? resource.DisplayName + "." + output : fallback + "'s " + output;
        }

        return resource is null ? $"reference({fallback}).{property}" : $"reference({ArmReference(resource)}).{property}";
    }

    /// <summary>How the registry is made to wait for a grant: <c>Add dependsOn: [ vault::grant ] to the registry.</c> in Bicep, the grant's <c>resourceId()</c> in ARM JSON, the SDK's way in C#.</summary>
    public string WaitFor(ResourceInstance grant)
    {
        const string Generic = "Add the grant to the registry's dependsOn.";
        if (IsCSharp)
        {
            return Sdk switch
            {
                SdkFamily.Provisioning => "Add the grant to registry.DependsOn.",
                SdkFamily.ResourceManager => "Create the grant before the registry.",
                SdkFamily.Pulumi => "Add the grant to the registry's CustomResourceOptions.DependsOn.",
                _ => Generic,
            };
        }

        if (IsBicep)
        {
            return grant.Declaration.SymbolicName is not null ? $"Add dependsOn: [ {grant.DisplayName} ] to the registry." : Generic;
        }

        return grant.Name is StringValue ? $"Add \"[{ArmResourceId(grant)}]\" to the registry's dependsOn." : Generic;
    }

    /// <summary>
    /// A value as the file writes it. ARM JSON: template expressions (<c>reference('uami').principalId</c>,
    /// <c>resourceId(...)</c>, <c>concat('kv', uniqueString(...))</c>, <c>if(c, a, b)</c>, <c>parameters('sku')</c>)
    /// and JSON for wholly known arrays and objects; Bicep: <c>uami.properties.principalId</c>, <c>vault.id</c>,
    /// <c>'kv${uniqueString(...)}'</c>, <c>c ? a : b</c>, <c>sku</c>; C#: the SDK's properties (<c>uami.PrincipalId</c>).
    /// A value loaded from a file is never quoted (docs/security.md).
    /// </summary>
    public string Describe(Value value) => Write(value, nested: false);

    /// <summary>Why <paramref name="unresolved"/> is not known, quoting the values the reason names in the file's language.</summary>
    public string Reason(Value unresolved) => unresolved is UnknownValue u ? u.Phrase(v => Write(v, nested: false)) : Describe(unresolved) + " is known only at deployment";

    private string Write(Value value, bool nested)
    {
        if (value.IsLoaded)
        {
            return Value.LoadedDescription;
        }

        switch (value)
        {
            case StringValue s:
                return Quote(s.Text);
            case ArrayValue a:
                return DescribeArray(a);
            case ObjectValue o:
                return DescribeObject(o);
            case CompositeStringValue c:
                return DescribeComposite(c);
            case ConditionalValue c:
                return Language == SourceLanguage.ArmJson
                    ? $"if({Write(c.Condition, true)}, {Write(c.WhenTrue, true)}, {Write(c.WhenFalse, true)})"
                    : $"{Write(c.Condition, true)} ? {Write(c.WhenTrue, true)} : {Write(c.WhenFalse, true)}";
            case ResourceReferenceValue r:
                return DescribeReference(r);
            case ResourceIdValue id:
                return DescribeId(id);
            case RuntimeValue { Parameter: { } p } when nested:
                // Inside an expression a parameter without a value reads as the reference the file writes.
                return Choose(p.Declaration.Name, $"parameters('{p.Declaration.Name}')", p.Declaration.Name);
            case RuntimeValue { Function: { } function, Arguments: { } arguments }:
                return function + "(" + Join(arguments) + ")";
            default:
                return value.Describe();
        }
    }

    private string DescribeArray(ArrayValue array)
    {
        if (Language == SourceLanguage.ArmJson && !AllJson(array.Items))
        {
            return "createArray(" + Join(array.Items) + ")";
        }

        var sb = new StringBuilder("[");
        for (int i = 0; i < array.Items.Count && i < 4; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(Element(array.Items[i]));
        }

        if (array.Items.Count > 4)
        {
            sb.Append(", ...");
        }

        return sb.Append(" ]").ToString();
    }

    private string DescribeObject(ObjectValue obj)
    {
        var values = new List<Value>();
        foreach (var p in obj.Properties)
        {
            values.Add(p.Value);
        }

        bool json = Language == SourceLanguage.ArmJson;
        if (json && (!AllJson(values) || Values.HasSymbolicKeys(obj)))
        {
            var arguments = new List<string>();
            for (int i = 0; i < obj.Properties.Count && i < 4; i++)
            {
                arguments.Add(Quote(obj.Properties[i].Name) + ", " + Write(obj.Properties[i].Value, true));
            }

            return "createObject(" + string.Join(", ", arguments) + (obj.Properties.Count > 4 ? ", ..." : string.Empty) + ")";
        }

        var sb = new StringBuilder("{");
        for (int i = 0; i < obj.Properties.Count && i < 4; i++)
        {
            string name = obj.Properties[i].Name;
            sb.Append(i == 0 ? " " : ", ").Append(json ? JsonString(name) : IsIdentifier(name) ? name : Quote(name)).Append(": ").Append(Element(obj.Properties[i].Value));
        }

        if (obj.Properties.Count > 4)
        {
            sb.Append(", ...");
        }

        return sb.Append(" }").ToString();
    }

    /// <summary>A member of a wholly known ARM JSON array or object is JSON; elsewhere it is an expression.</summary>
    private string Element(Value value) =>
        Language == SourceLanguage.ArmJson && value is StringValue { IsLoaded: false } s ? JsonString(s.Text) : Write(value, true);

    private string DescribeComposite(CompositeStringValue composite)
    {
        var sb = new StringBuilder();
        switch (Language)
        {
            case SourceLanguage.ArmJson:
                foreach (var part in composite.Parts)
                {
                    sb.Append(sb.Length == 0 ? string.Empty : ", ").Append(Write(part, true));
                }

                return "concat(" + sb + ")";
            case SourceLanguage.Bicep:
                foreach (var part in composite.Parts)
                {
                    sb.Append(part is StringValue { IsLoaded: false } s ? s.Text.Replace("\\", "\\\\").Replace("'", "\\'").Replace("${", "\\${") : "${" + Write(part, true) + "}");
                }

                return "'" + sb + "'";
            default:
                foreach (var part in composite.Parts)
                {
                    sb.Append(part is StringValue { IsLoaded: false } s ? s.Text.Replace("{", "{{").Replace("}", "}}") : "{" + Write(part, true) + "}");
                }

                return "$\"" + sb + "\"";
        }
    }

    private string DescribeReference(ResourceReferenceValue reference)
    {
        var path = reference.Path;
        var resource = reference.Resource.Instance;
        string? symbol = resource?.Declaration.SymbolicName is not null ? resource.DisplayName : null;
        switch (Language)
        {
            case SourceLanguage.Bicep:
                if (symbol is not null)
                {
                    return path.Count == 0 ? symbol : symbol + "." + string.Join(".", path);
                }

                return IsProperties(path) ? $"reference({DescribeId(reference.Resource)}).{Rest(path)}" : reference.Describe();
            case SourceLanguage.CSharp:
                return path.Count == 0 ? symbol ?? reference.Describe() : (symbol ?? DescribeId(reference.Resource)) + "." + SdkOutput(reference.Resource.Type, path);
            default:
                string target = resource is not null ? ArmReference(resource) : DescribeId(reference.Resource);
                if (reference.IsModule && path.Count == 2 && string.Equals(path[0], "outputs", StringComparison.OrdinalIgnoreCase))
                {
                    // A module is a nested deployment: its outputs are read with reference() and .value.
                    return $"reference({target}).outputs.{path[1]}.value";
                }

                if (IsProperties(path) && !reference.IsModule)
                {
                    return $"reference({target}).{Rest(path)}";
                }

                if (path.Count == 0)
                {
                    return resource is not null ? ArmResourceId(resource) : DescribeId(reference.Resource);
                }

                string apiVersion = resource?.ApiVersion is { } version ? ", '" + version + "'" : string.Empty;
                return $"reference({target}{apiVersion}, 'Full').{string.Join(".", path)}";
        }
    }

    private string DescribeId(ResourceIdValue id)
    {
        if (id.HasLoadedName)
        {
            return Value.LoadedDescription;
        }

        if (id.Instance is { Declaration.SymbolicName: not null } instance && !(Language == SourceLanguage.ArmJson))
        {
            return instance.DisplayName + (IsCSharp ? ".Id" : ".id");
        }

        var sb = new StringBuilder("resourceId(").Append(Quote(id.Type));
        foreach (var name in id.Names)
        {
            sb.Append(", ").Append(Write(name, true));
        }

        return sb.Append(')').ToString();
    }

    private string Join(IReadOnlyList<Value> values)
    {
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            sb.Append(sb.Length == 0 ? string.Empty : ", ").Append(Write(v, true));
        }

        return sb.ToString();
    }

    private string Setting(string path, string value, bool quoted)
    {
        if (IsCSharp)
        {
            return Property(path) + " = " + (quoted ? Literal(path, value) : value);
        }

        var segments = path.Split('.');
        string written = quoted ? (IsBicep ? Quote(value) : JsonString(value)) : value;
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            string name = IsBicep ? segments[i] : JsonString(segments[i]);
            written = i == segments.Length - 1 ? name + ": " + written : name + ": { " + written + " }";
        }

        return written;
    }

    /// <summary>
    /// A runtime property of a resource in C#: the SDKs surface an identity's and a registry's outputs on the
    /// resource (<c>uami.PrincipalId</c>), a vault's under <c>Properties</c> (<c>vault.Properties.VaultUri</c>).
    /// </summary>
    private string SdkOutput(string? type, IReadOnlyList<string> path)
    {
        var names = new List<string>();
        bool flattened = type is not null && (type.Equals("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.OrdinalIgnoreCase)
            || type.Equals("Microsoft.ContainerRegistry/registries", StringComparison.OrdinalIgnoreCase));
        for (int i = 0; i < path.Count; i++)
        {
            if (i == 0 && flattened && string.Equals(path[i], "properties", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            names.Add(Pascal(path[i]));
        }

        string joined = string.Join(".", names);
        return Sdk == SdkFamily.ResourceManager && !flattened ? "Data." + joined : joined;
    }

    private static bool IsProperties(IReadOnlyList<string> path) => path.Count >= 2 && string.Equals(path[0], "properties", StringComparison.OrdinalIgnoreCase);

    private static string Rest(IReadOnlyList<string> path)
    {
        var rest = new List<string>(path);
        rest.RemoveAt(0);
        return string.Join(".", rest);
    }

    private static bool AllJson(IReadOnlyList<Value> values)
    {
        foreach (var v in values)
        {
            if (v is not (StringValue or NumberValue or BoolValue or NullValue) || v.IsLoaded)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A string literal as the file writes one: single quotes in ARM expressions (a quote doubled) and in Bicep (a quote escaped), a C# string literal in C#.</summary>
    private string Quote(string text) => IsCSharp ? JsonString(text) : "'" + (IsBicep ? text.Replace("\\", "\\\\").Replace("'", "\\'") : text.Replace("'", "''")) + "'";

    private static string JsonString(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Pascal(string path)
    {
        var segments = path.Split('.');
        for (int i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0)
            {
                segments[i] = char.ToUpper(segments[i][0], CultureInfo.InvariantCulture) + segments[i].Substring(1);
            }
        }

        return string.Join(".", segments);
    }

    /// <summary>The ARM argument of <c>reference()</c>: a symbolic name (languageVersion 2.0) or a plain name, else <c>resourceId(...)</c>.</summary>
    private string ArmReference(ResourceInstance resource)
    {
        if (resource.Declaration.SymbolicName is { } symbol)
        {
            return "'" + symbol + "'";
        }

        return resource.Name is StringValue { IsLoaded: false, Text: var name } && name.IndexOf('/') < 0 ? Quote(name) : ArmResourceId(resource);
    }

    private string ArmResourceId(ResourceInstance resource)
    {
        var parts = new List<string> { "'" + resource.Type + "'" };
        if (resource.Name is StringValue { IsLoaded: false } name)
        {
            foreach (var segment in name.Text.Split('/'))
            {
                parts.Add(Quote(segment));
            }
        }
        else if (resource.Name is CompositeStringValue { IsLoaded: false } computed && resource.Type.Split('/').Length == 2)
        {
            // A top-level resource has one name segment: its expression is the whole argument.
            parts.Add(Write(computed, true));
        }
        else
        {
            parts.Add("...");
        }

        return "resourceId(" + string.Join(", ", parts) + ")";
    }
}
