using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Arm;

/// <summary>What a JSON file turned out to be.</summary>
public enum ArmDocumentKind
{
    /// <summary>Not an ARM template nor a parameters file: skipped silently.</summary>
    Other,
    Template,
    Parameters,

    /// <summary>Looks like a template or parameters file but cannot be read (CMK900).</summary>
    Invalid,
}

/// <summary>The result of reading one JSON file.</summary>
public sealed class ArmDocument
{
    public ArmDocument(SourceFile file, ArmDocumentKind kind)
    {
        File = file;
        Kind = kind;
    }

    public SourceFile File { get; }

    public ArmDocumentKind Kind { get; }

    public Template? Template { get; init; }

    /// <summary>For parameters files: the values by parameter name.</summary>
    public Dictionary<string, Expr>? ParameterValues { get; init; }

    public List<Finding> Diagnostics { get; } = new();
}

/// <summary>
/// Reads ARM JSON templates and parameters files into the template model: resources as array or
/// languageVersion 2.0 object, nested children, copy loops, conditions, nested deployments, with
/// property names compared case-insensitively as ARM does.
/// </summary>
public sealed class ArmTemplateReader
{
    private readonly SourceFile file;
    private readonly List<Finding> diagnostics;

    /// <summary>Inline nested templates being read, one inside another (counted against the deployment depth budget).</summary>
    private int nesting;

    /// <summary>The <c>deploymentDepth</c> budget: inline templates nested deeper are not read.</summary>
    private readonly int deploymentDepth;

    private ArmTemplateReader(SourceFile file, List<Finding> diagnostics, int deploymentDepth)
    {
        this.file = file;
        this.diagnostics = diagnostics;
        this.deploymentDepth = deploymentDepth;
    }

    /// <summary>Whether JSON text looks like an ARM template or parameters file (checked before parsing, cheaply).</summary>
    public static bool LooksLikeArm(string text) =>
        text.IndexOf("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase) >= 0
        || text.IndexOf("deploymentParameters.json", StringComparison.OrdinalIgnoreCase) >= 0
        || text.IndexOf("DeploymentTemplate.json", StringComparison.OrdinalIgnoreCase) >= 0;

    public static ArmDocument Read(SourceFile file) => Read(file, Loading.AnalysisBudgets.DefaultDeploymentDepth);

    /// <summary>Reads a template or parameters file, reading inline nested templates at most <paramref name="deploymentDepth"/> deep.</summary>
    public static ArmDocument Read(SourceFile file, int deploymentDepth)
    {
        var root = JsonParser.Parse(file, out var error, out var firstUnread, out int unreadCount);
        if (root is null)
        {
            bool armLike = LooksLikeArm(file.Text) || file.Text.IndexOf("\"resources\"", StringComparison.OrdinalIgnoreCase) >= 0;
            var invalid = new ArmDocument(file, armLike ? ArmDocumentKind.Invalid : ArmDocumentKind.Other);
            if (armLike && error is not null)
            {
                invalid.Diagnostics.Add(InputDiagnostics.Invalid(error.Span, "invalid JSON: " + error.Message));
            }

            return invalid;
        }

        if (root is not JsonObject obj)
        {
            return new ArmDocument(file, ArmDocumentKind.Other);
        }

        string schema = obj.GetString("$schema") ?? string.Empty;
        if (schema.IndexOf("deploymentParameters", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            var diagnostics = new List<Finding>();
            AddUnreadNote(diagnostics, firstUnread, unreadCount);
            var values = new ArmTemplateReader(file, diagnostics, deploymentDepth).ReadParameterValues(obj);
            var doc = new ArmDocument(file, ArmDocumentKind.Parameters) { ParameterValues = values };
            doc.Diagnostics.AddRange(diagnostics);
            return doc;
        }

        bool isTemplate = schema.IndexOf("DeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0
            || (schema.Length == 0 && obj.Get("resources") is not null && obj.Get("contentVersion") is not null);
        if (!isTemplate)
        {
            return new ArmDocument(file, ArmDocumentKind.Other);
        }

        var templateDiagnostics = new List<Finding>();
        AddUnreadNote(templateDiagnostics, firstUnread, unreadCount);
        var template = new ArmTemplateReader(file, templateDiagnostics, deploymentDepth).ReadTemplate(obj);
        template.Diagnostics.AddRange(templateDiagnostics);
        return new ArmDocument(file, ArmDocumentKind.Template) { Template = template };
    }

    /// <summary>
    /// The type of a languageVersion 2.0 parameter declared with a user-defined type
    /// (<c>"$ref": "#/definitions/x"</c>), followed through the template's definitions; null when not found.
    /// </summary>
    private static string? ReferencedType(JsonObject template, JsonObject definition)
    {
        var definitions = template.Get("definitions") as JsonObject;
        for (int depth = 0; depth < 16 && definitions is not null; depth++)
        {
            string? reference = definition.GetString("$ref");
            const string Prefix = "#/definitions/";
            if (reference is null || !reference.StartsWith(Prefix, StringComparison.Ordinal) || definitions.Get(reference.Substring(Prefix.Length)) is not JsonObject target)
            {
                return null;
            }

            if (target.GetString("type") is string type)
            {
                return type;
            }

            definition = target;
        }

        return null;
    }

    /// <summary>Reads a template object inside a larger document (a cached template spec's <c>properties.mainTemplate</c>).</summary>
    internal static Template ReadTemplateObject(SourceFile file, JsonObject obj, int deploymentDepth)
    {
        var diagnostics = new List<Finding>();
        var template = new ArmTemplateReader(file, diagnostics, deploymentDepth).ReadTemplate(obj);
        template.Diagnostics.AddRange(diagnostics);
        return template;
    }

    /// <summary>
    /// One note per file, at the first value nested too deeply to read: a flood of deep siblings is one construct
    /// to the reader, counted in the message rather than reported one by one.
    /// </summary>
    private static void AddUnreadNote(List<Finding> into, JsonUnreadValue? first, int count)
    {
        if (first is not null)
        {
            string more = count > 1 ? $" ({count - 1} more values nested as deeply are not read either)" : string.Empty;
            into.Add(InputDiagnostics.UnreadableValue(first.Span.File!.Span(first.Span.Start, 1), NestingLimit.Message("this JSON value") + more));
        }
    }

    /// <summary>Reads a template object (the file's root, or a nested deployment's inline template).</summary>
    private Template ReadTemplate(JsonObject obj)
    {
        var template = new Template(file, TemplateLanguage.ArmJson) { Span = obj.Span };
        string schema = obj.GetString("$schema") ?? string.Empty;
        template.TargetScope =
            schema.IndexOf("subscriptionDeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0 ? DeploymentScope.Subscription :
            schema.IndexOf("managementGroupDeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0 ? DeploymentScope.ManagementGroup :
            schema.IndexOf("tenantDeploymentTemplate", StringComparison.OrdinalIgnoreCase) >= 0 ? DeploymentScope.Tenant :
            DeploymentScope.ResourceGroup;
        template.UsesSymbolicNames = obj.GetString("languageVersion") is string lv && lv.StartsWith("2", StringComparison.Ordinal);

        if (obj.Get("parameters") is JsonObject parameters)
        {
            foreach (var p in parameters.Properties)
            {
                var declaration = new ParameterDeclaration(p.Name, p.NameSpan);
                if (p.Value is JsonObject definition)
                {
                    declaration.Type = definition.GetString("type") ?? ReferencedType(obj, definition);
                    if (definition.Find("defaultValue") is JsonProperty dv)
                    {
                        declaration.DefaultValue = Convert(dv.Value, true);
                    }

                    if (definition.Get("allowedValues") is JsonArray allowed)
                    {
                        declaration.AllowedValues = Convert(allowed, true) as ArrayExpr;
                    }

                    if (definition.Get("nullable") is JsonBool { Value: true } && declaration.Type is not null)
                    {
                        declaration.Type += "?";
                    }
                    else if (ArmTypeReferences.IsNullable(definition, obj.Get("definitions") as JsonObject))
                    {
                        // languageVersion 2.0: { "$ref": "#/definitions/t", "nullable": true }, or a $ref to a nullable definition.
                        declaration.Type = (declaration.Type ?? ArmTypeReferences.TypeOf(definition, obj.Get("definitions") as JsonObject) ?? "object") + "?";
                    }
                }

                template.Parameters[p.Name] = declaration;
            }
        }

        if (obj.Get("variables") is JsonObject variables)
        {
            foreach (var v in variables.Properties)
            {
                if (string.Equals(v.Name, "copy", StringComparison.OrdinalIgnoreCase) && v.Value is JsonArray copies)
                {
                    foreach (var loop in CopyLoops(copies))
                    {
                        template.Variables[loop.Name] = new VariableDeclaration(loop.Name, loop.NameSpan, loop.Value);
                    }

                    continue;
                }

                template.Variables[v.Name] = new VariableDeclaration(v.Name, v.NameSpan, Convert(v.Value, true));
            }
        }

        if (obj.Get("functions") is JsonArray functions)
        {
            ReadFunctions(template, functions);
        }

        var resources = obj.Get("resources");
        if (resources is JsonArray array)
        {
            foreach (var item in array.Items)
            {
                if (item is JsonObject resource)
                {
                    ReadResource(template, resource, null, null);
                }
            }
        }
        else if (resources is JsonObject byName)
        {
            foreach (var p in byName.Properties)
            {
                if (p.Value is JsonObject resource)
                {
                    ReadResource(template, resource, p.Name, null, p.NameSpan);
                }
            }
        }

        if (obj.Get("outputs") is JsonObject outputs)
        {
            foreach (var o in outputs.Properties)
            {
                if (o.Value is not JsonObject definition)
                {
                    continue;
                }

                Expr? value = null;
                if (definition.Get("value") is JsonNode node)
                {
                    value = Convert(node, true);
                }
                else if (definition.Get("copy") is JsonObject copy)
                {
                    value = OutputCopy(copy);
                }

                if (value is not null)
                {
                    var output = new OutputDeclaration(o.Name, o.NameSpan, value);
                    if (definition.Get("condition") is JsonNode condition)
                    {
                        output.Condition = Convert(condition, true);
                    }

                    template.Outputs[o.Name] = output;
                }
            }
        }

        ReadSuppressions(template, obj, obj.Span);
        return template;
    }

    private void ReadFunctions(Template template, JsonArray functions)
    {
        foreach (var ns in functions.Items)
        {
            if (ns is not JsonObject nsObj || nsObj.GetString("namespace") is not string prefix || nsObj.Get("members") is not JsonObject members)
            {
                continue;
            }

            foreach (var member in members.Properties)
            {
                if (member.Value is not JsonObject fn || fn.Get("output") is not JsonObject output || output.Get("value") is not JsonNode body)
                {
                    continue;
                }

                var names = new List<string>();
                if (fn.Get("parameters") is JsonArray ps)
                {
                    foreach (var p in ps.Items)
                    {
                        if (p is JsonObject po && po.GetString("name") is string n)
                        {
                            names.Add(n);
                        }
                    }
                }

                // Inside a user function, parameters('x') means the function's own parameter.
                var converted = Convert(body, true);
                var rewritten = FunctionParameters.Bind(converted, names);
                template.Functions[prefix + "." + member.Name] = new FunctionDeclaration(prefix + "." + member.Name, member.NameSpan, names, rewritten);
            }
        }
    }

    private Expr OutputCopy(JsonObject copy)
    {
        var count = copy.Get("count") is JsonNode c ? Convert(c, true) : new LiteralExpr(copy.Span, 0L);
        var input = copy.Get("input") is JsonNode i ? Convert(i, true) : new LiteralExpr(copy.Span, null);
        return new ForExpr(copy.Span, count, true, null, null, input, null);
    }

    private IEnumerable<(string Name, SourceSpan NameSpan, Expr Value)> CopyLoops(JsonArray copies)
    {
        foreach (var item in copies.Items)
        {
            if (item is not JsonObject loop || loop.GetString("name") is not string name)
            {
                continue;
            }

            var count = loop.Get("count") is JsonNode c ? Convert(c, true) : new LiteralExpr(loop.Span, 0L);
            var input = loop.Get("input") is JsonNode i ? Convert(i, true) : new LiteralExpr(loop.Span, null);
            yield return (name, loop.Get("name")!.Span, new ForExpr(loop.Span, count, true, null, null, input, null, name));
        }
    }

    private void ReadResource(Template template, JsonObject obj, string? symbolicName, ResourceDeclaration? parent, SourceSpan symbolSpan = default)
    {
        string type = obj.GetString("type") ?? string.Empty;
        var nameNode = obj.Get("name");
        Expr? name = nameNode is null ? null : Convert(nameNode, true);
        if (parent is not null && type.IndexOf('/') < 0)
        {
            // A nested child with a short type ('keys') and a short name: compose both with the parent's.
            type = parent.Type + "/" + type;
            if (name is not null && parent.Name is not null)
            {
                name = new CallExpr(name.Span, "concat", new[] { parent.Name, new LiteralExpr(name.Span, "/"), name });
            }
        }

        var declaration = new ResourceDeclaration(template, type, obj.Span)
        {
            SymbolicName = symbolicName,
            Name = name,
            ApiVersion = obj.GetString("apiVersion"),
            NameSpan = !symbolSpan.IsNone ? symbolSpan : nameNode?.Span ?? obj.Span,
        };
        if (obj.Find("apiVersion") is JsonProperty api)
        {
            declaration.ApiVersionSpan = api.Value.Span;
        }

        if (obj.Get("condition") is JsonNode condition)
        {
            declaration.Condition = Convert(condition, true);
        }

        if (obj.Get("existing") is JsonBool { Value: true })
        {
            declaration.Existing = true;
        }

        if (obj.Get("copy") is JsonObject copy)
        {
            var count = copy.Get("count") is JsonNode countNode ? Convert(countNode, true) : new LiteralExpr(copy.Span, 0L);
            declaration.Loop = new ResourceLoop(copy.Span, count, true) { CopyName = copy.GetString("name") };
        }

        if (obj.Get("dependsOn") is JsonArray dependsOn)
        {
            foreach (var d in dependsOn.Items)
            {
                declaration.DependsOn.Add(Convert(d, true));
            }
        }

        if (parent is not null)
        {
            // ARM deploys a nested child after its parent.
            declaration.DependsOn.Add(parent.SymbolicName is not null
                ? new LiteralExpr(parent.Span, parent.SymbolicName)
                : new CallExpr(parent.Span, "resourceId", new[] { new LiteralExpr(parent.Span, parent.Type), parent.Name ?? new LiteralExpr(parent.Span, string.Empty) }));
        }

        if (obj.Get("scope") is JsonNode scope)
        {
            declaration.Scope = Convert(scope, true);
        }

        if (obj.Get("resourceGroup") is JsonNode rg)
        {
            declaration.ResourceGroup = Convert(rg, true);
        }

        if (obj.Get("subscriptionId") is JsonNode sub)
        {
            declaration.SubscriptionId = Convert(sub, true);
        }

        bool isDeployment = string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);
        declaration.Body = BodyOf(obj, isDeployment);
        var inline = isDeployment ? (obj.Get("properties") as JsonObject)?.Get("template") as JsonObject : null;
        if (inline is not null && nesting >= deploymentDepth)
        {
            template.Diagnostics.Add(InputDiagnostics.OverBudget(inline.Span, "deploymentDepth", deploymentDepth, "an inline template nested this deep"));
        }
        else if (inline is not null && obj.Get("properties") is JsonObject props)
        {
            var scopeOption = (props.Get("expressionEvaluationOptions") as JsonObject)?.GetString("scope");
            var expressionScope = string.Equals(scopeOption, "inner", StringComparison.OrdinalIgnoreCase) ? ExpressionScope.Inner : ExpressionScope.Outer;
            nesting++;
            var nestedTemplate = ReadTemplate(inline);
            nesting--;
            template.Diagnostics.AddRange(nestedTemplate.Diagnostics);
            nestedTemplate.Diagnostics.Clear();
            var nested = new NestedDeployment(nestedTemplate, expressionScope);
            if (expressionScope == ExpressionScope.Inner && props.Get("parameters") is JsonObject bound)
            {
                foreach (var p in bound.Properties)
                {
                    if (p.Value is JsonObject holder && holder.Get("value") is JsonNode v)
                    {
                        nested.ParameterValues[p.Name] = Convert(v, true);
                    }
                    else if (p.Value is JsonObject reference && reference.Get("reference") is not null)
                    {
                        nested.ParameterValues[p.Name] = new UnsupportedExpr(p.Value.Span, "a Key Vault reference parameter");
                    }
                    else if (p.Value is JsonString holderExpression && Convert(holderExpression, true) is var computed && computed is not LiteralExpr)
                    {
                        // The Bicep compiler writes a conditional argument as one expression that builds the holder,
                        // "[if(cond, createObject('value', a), createObject('value', b))]": its value is the holder's 'value'.
                        nested.ParameterValues[p.Name] = new PropertyAccessExpr(holderExpression.Span, computed, "value", false);
                    }
                }
            }

            declaration.Nested = nested;
        }

        template.Resources.Add(declaration);
        ReadSuppressions(template, obj, obj.Span);

        if (obj.Get("resources") is JsonArray children)
        {
            foreach (var child in children.Items)
            {
                if (child is JsonObject childObj)
                {
                    ReadResource(template, childObj, null, declaration);
                }
            }
        }
    }

    /// <summary>The resource object as an expression, without what is not part of the resource's body (children, the loop, an inline nested template).</summary>
    private ObjectExpr BodyOf(JsonObject obj, bool isDeployment)
    {
        var properties = new List<ObjectProperty>(obj.Properties.Count);
        foreach (var p in obj.Properties)
        {
            if (string.Equals(p.Name, "resources", StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name, "copy", StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name, "dependsOn", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (isDeployment && string.Equals(p.Name, "properties", StringComparison.OrdinalIgnoreCase) && p.Value is JsonObject props)
            {
                var kept = new List<ObjectProperty>();
                foreach (var q in props.Properties)
                {
                    if (!string.Equals(q.Name, "template", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Name, "parameters", StringComparison.OrdinalIgnoreCase))
                    {
                        kept.Add(new ObjectProperty(q.Name, q.NameSpan, Convert(q.Value, true)));
                    }
                }

                properties.Add(new ObjectProperty(p.Name, p.NameSpan, new ObjectExpr(props.Span, kept)));
                continue;
            }

            properties.Add(new ObjectProperty(p.Name, p.NameSpan, Convert(p.Value, true)));
        }

        return new ObjectExpr(obj.Span, properties);
    }

    /// <summary>Converts a JSON value to an expression: strings in brackets are parsed, property copy loops become loops.</summary>
    private Expr Convert(JsonNode node, bool expressions)
    {
        switch (node)
        {
            case JsonString s:
                if (!expressions)
                {
                    return new LiteralExpr(s.Span, s.Value);
                }

                var expr = ArmExpressionParser.ParseStringValue(s, out var error);
                if (error is { ExceedsNestingLimit: true })
                {
                    // Deeper than CmkLint reads, but ARM may accept it: a note, the value unknown.
                    diagnostics.Add(InputDiagnostics.UnreadableValue(error.Span, error.Message));
                }
                else if (error is not null)
                {
                    // Azure Resource Manager rejects a template with an expression it cannot parse: an error at the expression.
                    diagnostics.Add(InputDiagnostics.Invalid(error.Span, error.Message + " (Azure Resource Manager rejects the template)"));
                }

                return expr;
            case JsonNumber n:
                return new LiteralExpr(n.Span, n.Value);
            case JsonBool b:
                return new LiteralExpr(b.Span, b.Value);
            case JsonNull:
                return new LiteralExpr(node.Span, null);
            case JsonUnreadValue:
                return new UnsupportedExpr(node.Span, NestingLimit.Message("a JSON value"));
            case JsonArray a:
                var items = new List<Expr>(a.Items.Count);
                foreach (var item in a.Items)
                {
                    items.Add(Convert(item, expressions));
                }

                return new ArrayExpr(a.Span, items);
            case JsonObject o:
                var properties = new List<ObjectProperty>(o.Properties.Count);
                foreach (var p in o.Properties)
                {
                    if (expressions && string.Equals(p.Name, "copy", StringComparison.OrdinalIgnoreCase) && p.Value is JsonArray copies && IsPropertyCopy(copies))
                    {
                        foreach (var loop in CopyLoops(copies))
                        {
                            properties.Add(new ObjectProperty(loop.Name, loop.NameSpan, loop.Value));
                        }

                        continue;
                    }

                    Expr? nameExpr = null;
                    if (expressions && ArmExpressionParser.IsExpression(p.Name))
                    {
                        nameExpr = ArmExpressionParser.ParseStringValue(new JsonString(p.NameSpan, p.Name, true), out var keyError);
                        if (keyError is not null)
                        {
                            diagnostics.Add(keyError.ExceedsNestingLimit ? InputDiagnostics.UnreadableValue(keyError.Span, keyError.Message) : InputDiagnostics.Invalid(keyError.Span, keyError.Message));
                        }
                    }

                    properties.Add(new ObjectProperty(p.Name, p.NameSpan, Convert(p.Value, expressions), nameExpr));
                }

                return new ObjectExpr(o.Span, properties);
            default:
                return new LiteralExpr(node.Span, null);
        }
    }

    private static bool IsPropertyCopy(JsonArray copies)
    {
        foreach (var item in copies.Items)
        {
            if (item is not JsonObject loop || loop.Get("input") is null || loop.Get("name") is null)
            {
                return false;
            }
        }

        return copies.Items.Count > 0;
    }

    private Dictionary<string, Expr> ReadParameterValues(JsonObject root)
    {
        var values = new Dictionary<string, Expr>(StringComparer.OrdinalIgnoreCase);
        if (root.Get("parameters") is not JsonObject parameters)
        {
            return values;
        }

        foreach (var p in parameters.Properties)
        {
            if (p.Value is not JsonObject holder)
            {
                continue;
            }

            if (holder.Get("value") is JsonNode value)
            {
                // Parameter files hold values, not expressions: ARM does not evaluate '[...]' in them.
                values[p.Name] = Convert(value, false);
            }
            else if (holder.Get("reference") is not null)
            {
                values[p.Name] = new UnsupportedExpr(holder.Span, "a Key Vault reference parameter");
            }
        }

        return values;
    }

    /// <summary><c>"metadata": { "cmklint": { "suppress": [ { "rule": "CMK001", "justification": "..." } ] } }</c>.</summary>
    private static void ReadSuppressions(Template template, JsonObject obj, SourceSpan scope)
    {
        if (obj.Get("metadata") is not JsonObject metadata || metadata.Get("cmklint") is not JsonObject cmklint || cmklint.Get("suppress") is not JsonArray list)
        {
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is JsonObject entry && entry.Get("rule") is JsonString rule)
            {
                template.Suppressions.Add(new Suppression(rule.Value, scope, entry.GetString("justification"), SuppressionKind.Metadata) { At = rule.Span });
            }
            else if (item is JsonString s)
            {
                template.Suppressions.Add(new Suppression(s.Value, scope, null, SuppressionKind.Metadata) { At = s.Span });
            }
        }
    }
}
