using System;
using System.Collections.Generic;
using System.Globalization;
using CmkLint.Arm;
using CmkLint.Cmk;
using CmkLint.Evaluation;
using CmkLint.Graph;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.PreviousState;

/// <summary>
/// The exported state of deployed resources: <c>az acr show</c> (one registry, its properties at the
/// top level), <c>az resource show</c> (properties under <c>properties</c>), <c>az resource list</c>
/// (an array; the CLI leaves <c>properties</c> null) or an ARM export (<c>az group export</c>).
/// Resources are matched by resource ID, or by type and name.
/// </summary>
public sealed class DeployedExportSource : PreviousStateSource
{
    /// <summary>Keys that stay at the top of a resource object; the others of a flattened <c>az acr show</c> object are its properties.</summary>
    private static readonly HashSet<string> EnvelopeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "name", "type", "location", "tags", "sku", "identity", "systemData", "resourceGroup", "kind", "etag", "managedBy", "plan", "zones", "extendedLocation", "apiVersion",
    };

    private readonly IFileSystem fileSystem;
    private List<PreviousRegistry> registries = new();
    private ResourceGraph? graph;

    public DeployedExportSource(string path, IFileSystem? fileSystem = null)
    {
        Path = path ?? string.Empty;
        this.fileSystem = fileSystem ?? PhysicalFileSystem.Instance;
    }

    /// <summary>The export file, as the user gave it.</summary>
    public string Path { get; }

    public override string Comparison => "deployed:" + Path.Replace('\\', '/');

    private string Description => "the deployed state in " + Path;

    protected override string? OpenCore()
    {
        string full = TemplateLoader.Normalize(Path);
        var bytes = fileSystem.ReadAllBytes(full, out var readError);
        if (bytes is null)
        {
            return $"cannot read the deployed state '{Path}': {readError ?? "the file cannot be read"}";
        }

        string? text = SourceDecoder.Decode(bytes, out var decodeError, out _);
        if (text is null)
        {
            return $"cannot read the deployed state '{Path}': {decodeError}";
        }

        var file = new SourceFile(TemplateLoader.DisplayPath(full), text);
        var root = JsonParser.Parse(file, out var syntaxError);
        if (root is null || syntaxError is not null)
        {
            var at = syntaxError?.Span.StartPosition ?? new LinePosition(1, 1);
            return $"the deployed state '{Path}' is not valid JSON at line {at.Line}, column {at.Column}: {syntaxError?.Message ?? "no value"}";
        }

        if (root is JsonObject o && o.Get("resources") is JsonArray && (o.Get("$schema") is not null || o.Get("contentVersion") is not null))
        {
            // An ARM export is a template: evaluate it like one (its names are parameters with defaults).
            var document = ArmTemplateReader.Read(file);
            if (document.Template is null)
            {
                return $"the deployed state '{Path}' looks like an ARM export but cannot be read as a template";
            }

            graph = GraphBuilder.Build(document.Template, null, null);
            registries = PreviousRegistries.FromGraph(graph, file.Path);
            return null;
        }

        var items = root switch
        {
            JsonArray array => array.Items,
            JsonObject list when list.Get("value") is JsonArray value && list.Get("id") is null => value.Items,
            JsonObject single when single.Get("id") is not null || single.Get("type") is not null => new List<JsonNode> { single },
            _ => null,
        };
        if (items is null)
        {
            return $"the deployed state '{Path}' is not a resource export: expected the output of 'az acr show', 'az resource show', 'az resource list' or an ARM export ('az group export')";
        }

        foreach (var item in items)
        {
            if (item is JsonObject resource && string.Equals(resource.GetString("type"), CmkRegistry.RegistryType, StringComparison.OrdinalIgnoreCase))
            {
                var registry = ReadRegistry(resource, file);
                if (registry is not null)
                {
                    registries.Add(registry);
                }
            }
        }

        return null;
    }

    internal override PreviousComparison? CompareWith(string templateFullPath, IReadOnlyDictionary<string, Expr>? parameterValues, string? parametersSource, EvaluationOptions evaluation, LoadSettings loading)
    {
        if (Open() is not null)
        {
            return null;
        }

        return new PreviousComparison(Comparison, Description, registries, graph, matchByTypeAndName: true);
    }

    private static PreviousRegistry? ReadRegistry(JsonObject resource, SourceFile file)
    {
        string? name = resource.GetString("name");
        var unknownScope = new ResourceScope(DeploymentScope.ResourceGroup, null, null);
        ResourceIdValue? id = resource.Get("id") is JsonString idText ? ResourceIds.Parse(idText.Value, idText.Span, unknownScope) : null;
        if (id is null)
        {
            if (name is null)
            {
                return null;
            }

            // No ID: the scope is not known, so it only matches by type and name.
            id = new ResourceIdValue(CmkRegistry.RegistryType, new Value[] { new StringValue(name, resource.Span) }, new ResourceScope(DeploymentScope.ResourceGroup, new UnknownValue("the export has no resource ID", resource.Span), new UnknownValue("the export has no resource ID", resource.Span)), resource.Span);
        }

        return new PreviousRegistry(file.Path, id, Normalize(resource), resource.Span, null);
    }

    /// <summary>The resource object with its properties under <c>properties</c>, whichever command exported it.</summary>
    private static ObjectValue Normalize(JsonObject resource)
    {
        var top = new List<PropertyValue>();
        var flattened = new List<PropertyValue>();
        JsonProperty? properties = resource.Find("properties");
        bool isFlattened = properties is null && (resource.Find("encryption") is not null || resource.Find("loginServer") is not null);
        foreach (var p in resource.Properties)
        {
            if (properties is { } found && p.NameSpan.Equals(found.NameSpan))
            {
                continue;
            }

            var value = new PropertyValue(p.Name, ToValue(p.Value), p.NameSpan);
            if (isFlattened && !EnvelopeKeys.Contains(p.Name))
            {
                flattened.Add(value);
            }
            else
            {
                top.Add(value);
            }
        }

        if (properties is { Value: JsonObject } member)
        {
            top.Add(new PropertyValue("properties", ToValue(member.Value), member.NameSpan));
        }
        else if (isFlattened)
        {
            top.Add(new PropertyValue("properties", new ObjectValue(flattened, resource.Span), resource.Span));
        }
        else
        {
            // 'az resource list' writes "properties": null: the encryption is not in the export, which is not the same as no encryption.
            var span = properties?.Value.Span ?? resource.Span;
            top.Add(new PropertyValue("properties", new UnknownValue("the export has no properties for this resource ('az resource list' leaves them out; export it with 'az acr show' or 'az resource show')", span), span));
        }

        return new ObjectValue(top, resource.Span);
    }

    private static Value ToValue(JsonNode node) => node switch
    {
        JsonObject o => ToObject(o),
        JsonArray a => new ArrayValue(a.Items.ConvertAll(ToValue), a.Span),
        JsonString s => new StringValue(s.Value, s.Span),
        JsonNumber n => new NumberValue(Convert.ToDouble(n.Value, CultureInfo.InvariantCulture), n.Span),
        JsonBool b => new BoolValue(b.Value, b.Span),
        _ => new NullValue(node.Span),
    };

    private static ObjectValue ToObject(JsonObject o)
    {
        var list = new List<PropertyValue>(o.Properties.Count);
        foreach (var p in o.Properties)
        {
            list.Add(new PropertyValue(p.Name, ToValue(p.Value), p.NameSpan));
        }

        return new ObjectValue(list, o.Span);
    }
}
