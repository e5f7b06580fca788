using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// The ARM template functions that take evaluated arguments. A function gets known arguments and
/// computes; given a symbolic or unknown argument it returns a symbolic result where one makes
/// sense (string building, resource IDs) and otherwise an unknown that keeps the cause.
/// </summary>
internal static partial class Functions
{
    /// <summary>The functions that take evaluated arguments, as rows of <see cref="FunctionTable"/>; the known ones are in FunctionLibrary.Known.cs.</summary>
    internal static readonly FunctionDefinition[] EvaluatedFunctions = Join(new[]
    {
        // Deployment context.
        Symbolic("resourceGroup", 0, 2, (e, name, a, span, c) => a.Length == 0 ? ResourceGroupObject(c.Deployment.Scope, span) : new ObjectValue(a.Length == 2 ? new[] { new PropertyValue("subscriptionId", a[0], span), new PropertyValue("name", a[1], span) } : new[] { new PropertyValue("name", a[a.Length - 1], span) }, span) { IsOpen = true, OpenBecause = new RuntimeValue("resourceGroup(...) properties", span) }),
        Symbolic("subscription", 0, 1, (e, name, a, span, c) => SubscriptionObject(c.Deployment.Scope, span)),
        Symbolic("tenant", 0, 0, (e, name, a, span, c) => RuntimeObject("tenant()", span, "tenantId", "countryCode", "displayName")),
        Symbolic("managementGroup", 0, 1, (e, name, a, span, c) => RuntimeObject("managementGroup()", span, "id", "name", "properties")),
        Symbolic("deployment", 0, 0, (e, name, a, span, c) => RuntimeObject("deployment()", span, "name", "location", "properties")),
        Symbolic("deployer", 0, 0, (e, name, a, span, c) => RuntimeObject("deployer()", span, "objectId", "tenantId", "userPrincipalName")),
        Symbolic("environment", 0, 0, (e, name, a, span, c) => EnvironmentObject(span)),
        Runtime("utcNow", 0, 1, (e, name, a, span, c) => RuntimeOwners.Fresh(name, a, span)),
        Runtime("newGuid", 0, 0, (e, name, a, span, c) => RuntimeOwners.Fresh(name, a, span)),

        // Resource IDs.
        Symbolic("resourceId", 2, null, (e, name, a, span, c) => Link(e, ResourceIds.FromArguments(a, span, c.Deployment.Scope, DeploymentScope.ResourceGroup))),
        Symbolic("subscriptionResourceId", 2, null, (e, name, a, span, c) => Link(e, ResourceIds.FromArguments(a, span, c.Deployment.Scope, DeploymentScope.Subscription))),
        Symbolic("tenantResourceId", 2, null, (e, name, a, span, c) => Link(e, ResourceIds.FromArguments(a, span, c.Deployment.Scope, DeploymentScope.Tenant))),
        Symbolic("managementGroupResourceId", 2, null, (e, name, a, span, c) => Link(e, ResourceIds.FromArguments(a, span, c.Deployment.Scope, DeploymentScope.ManagementGroup))),
        Symbolic("extensionResourceId", 3, null, (e, name, a, span, c) => ExtensionResourceId(e, a, span, c.Deployment.Scope)),

        // Strings and general.
        Symbolic("concat", 0, null, (e, name, a, span, c) => Concat(a, span)),
        Symbolic("format", 1, null, (e, name, a, span, c) => Format(a, span)),
        Symbolic("string", 1, 1, (e, name, a, span, c) => ToStringValue(a, span)),
        Symbolic("equals", 2, 2, (e, name, a, span, c) => Equal(a, span, ignoreCase: false)),
        Symbolic("equalsIgnoreCase", 2, 2, (e, name, a, span, c) => Equal(a, span, ignoreCase: true)),
        Symbolic("not", 1, 1, (e, name, a, span, c) => Not(a, span)),
        Symbolic("any", 1, 1, (e, name, a, span, c) => a[0]),
        Symbolic("json", 1, 1, (e, name, a, span, c) => Json(a, span)),
        Symbolic("createObject", 0, null, (e, name, a, span, c) => CreateObject(a, span)),
        Symbolic("createArray", 0, null, (e, name, a, span, c) => new ArrayValue(a, span)),
        Symbolic("array", 1, 1, (e, name, a, span, c) => ToArray(a, span)),
        Symbolic("bool", 1, 1, (e, name, a, span, c) => ToBool(a, span)),
        Symbolic("int", 1, 1, (e, name, a, span, c) => ToInt(a, span)),
        Symbolic("float", 1, 1, (e, name, a, span, c) => ToFloat(a, span)),
        Symbolic("uniqueString", 1, null, (e, name, a, span, c) => Deterministic(name, a, span)),
        Symbolic("guid", 1, null, (e, name, a, span, c) => Deterministic(name, a, span)),

        // Known only at deployment.
        Runtime("list", 1, null),
        Runtime("listKeys", 1, null),
        Runtime("listSecrets", 1, null),
        Runtime("listAccountSas", 1, null),
        Runtime("listServiceSas", 1, null),
        Runtime("listCredentials", 1, null),
        Runtime("pickZones", 3, 5),
        Runtime("providers", 1, 2),
        Runtime("getSecret", 1, null),
        Runtime("readEnvironmentVariable", 1, 2),
        Runtime("externalInput", 1, 2),
        Runtime("loadTextContent", 1, 3),
        Runtime("loadJsonContent", 1, 3),
        Runtime("loadYamlContent", 1, 3),
        Runtime("loadFileAsBase64", 1, 1),
    }, KnownFunctions());

    public static Value Invoke(Evaluator evaluator, string name, Value[] a, SourceSpan span, EvalContext context) =>
        Invoke(evaluator, name, FunctionTable.Find(name), a, span, context);

    /// <summary>The call of <paramref name="name"/>, whose definition (null when the table has none) the caller already looked up.</summary>
    internal static Value Invoke(Evaluator evaluator, string name, FunctionDefinition? function, Value[] a, SourceSpan span, EvalContext context)
    {
        if (function is not null && !function.Accepts(a.Length))
        {
            return Arity(name, span);
        }

        if (SymbolicStrings.TryInvoke(name, a, span, out var structured) || ThreeValuedPredicates.TryInvoke(function?.Key ?? name.ToLowerInvariant(), a, span, out structured))
        {
            return structured;
        }

        if (function is not null && function.Kind != FunctionKind.Known)
        {
            return function.Evaluated!(evaluator, name, a, span, context)!;
        }

        if (name.StartsWith("list", StringComparison.OrdinalIgnoreCase))
        {
            if (a.Length > 0 && a[0] is ResourceIdValue listed && listed.Instance is not null)
            {
                context.RecordDependency(listed.Instance);
            }

            return new RuntimeValue(name + "(...)", span);
        }

        if (OfResourceId(name, a, span) is { } ofId)
        {
            return ofId;
        }

        // Every remaining function needs known arguments.
        for (int i = 0; i < a.Length; i++)
        {
            if (!a[i].IsKnown && a[i] is not LambdaValue)
            {
                // A pure string function of deterministic runtime text (toLower(uniqueString(...)))
                // is itself a deterministic runtime value: still unknown, but comparable by expression.
                return IsPureStringFunction(name) && AllDeterministic(a) ? new RuntimeValue(Describe(name, a), span) { Deterministic = true, Owner = RuntimeOwners.Of(a), Function = name, Arguments = a } : CannotCompute(name, a[i], span);
            }
        }

        try
        {
            return function?.Evaluated!(evaluator, name, a, span, context) ?? new UnknownValue($"function '{name}' is not evaluated by CmkLint", span);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            // Known arguments the function rejects (uri('', ...), base64ToString('%')): the deployment would fail here, so the value is not known.
            return new UnknownValue($"{name}() cannot be computed from these arguments ({e.Message})", span);
        }
    }

    private static FunctionDefinition Symbolic(string name, int min, int? max, Func<Evaluator, string, Value[], SourceSpan, EvalContext, Value?> body) =>
        FunctionDefinition.Of(name, min, max, FunctionKind.Symbolic, body);

    private static FunctionDefinition Runtime(string name, int min, int? max, Func<Evaluator, string, Value[], SourceSpan, EvalContext, Value?> body) =>
        FunctionDefinition.Of(name, min, max, FunctionKind.Runtime, body);

    /// <summary>A function whose every call is a runtime value named after the call.</summary>
    private static FunctionDefinition Runtime(string name, int min, int? max) =>
        FunctionDefinition.Of(name, min, max, FunctionKind.Runtime, (e, called, a, span, c) => new RuntimeValue(called + "(...)", span));

    private static FunctionDefinition Known(string name, int min, int? max, Func<Evaluator, string, Value[], SourceSpan, EvalContext, Value?> body) =>
        FunctionDefinition.Of(name, min, max, FunctionKind.Known, body);

    internal static FunctionDefinition[] Join(FunctionDefinition[] first, FunctionDefinition[] second)
    {
        var all = new FunctionDefinition[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }

    private static bool IsPureStringFunction(string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "tolower":
            case "toupper":
            case "substring":
            case "take":
            case "skip":
            case "replace":
            case "trim":
            case "padleft":
            case "first":
            case "last":
                return true;
            default:
                return false;
        }
    }

    private static bool AllDeterministic(Value[] a)
    {
        foreach (var v in a)
        {
            bool ok = v.IsKnown
                || (v is RuntimeValue r && r.Deterministic)
                || (v is CompositeStringValue c && AllDeterministic(ToArray(c.Parts)));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static Value[] ToArray(IReadOnlyList<Value> list)
    {
        var result = new Value[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = list[i];
        }

        return result;
    }

    private static string Describe(string name, Value[] a)
    {
        var sb = new StringBuilder(name).Append('(');
        for (int i = 0; i < a.Length; i++)
        {
            sb.Append(i > 0 ? ", " : string.Empty).Append(a[i].Describe());
        }

        return sb.Append(')').ToString();
    }

    internal static Value CannotCompute(string function, Value cause, SourceSpan span)
    {
        if (cause is UnknownValue u)
        {
            return u;
        }

        return UnknownValue.Quoting(span, function + "() of ", cause, ", known only at deployment");
    }

    private static Value Arity(string name, SourceSpan span) => new UnknownValue($"{name}() has the wrong number of arguments", span);

    private static Value Link(Evaluator evaluator, Value id) => id is ResourceIdValue rid ? evaluator.Graph.Link(rid) : id;

    private static ObjectValue ResourceGroupObject(ResourceScope scope, SourceSpan span)
    {
        var name = scope.ResourceGroup ?? new RuntimeValue("resourceGroup().name", span) { Deterministic = true };
        return new ObjectValue(
            new[]
            {
                new PropertyValue("name", name, span),
                new PropertyValue("id", new RuntimeValue("resourceGroup().id", span) { Deterministic = true }, span),
                new PropertyValue("location", new RuntimeValue("resourceGroup().location", span) { Deterministic = true }, span),
                new PropertyValue("type", new StringValue("Microsoft.Resources/resourceGroups", span), span),
                new PropertyValue("tags", new RuntimeValue("resourceGroup().tags", span) { Deterministic = true }, span),
                new PropertyValue("properties", new RuntimeValue("resourceGroup().properties", span) { Deterministic = true }, span),
                new PropertyValue("managedBy", new RuntimeValue("resourceGroup().managedBy", span) { Deterministic = true }, span),
            },
            span);
    }

    private static ObjectValue SubscriptionObject(ResourceScope scope, SourceSpan span)
    {
        var id = scope.SubscriptionId ?? new RuntimeValue("subscription().subscriptionId", span) { Deterministic = true };
        return new ObjectValue(
            new[]
            {
                new PropertyValue("subscriptionId", id, span),
                new PropertyValue("id", new RuntimeValue("subscription().id", span) { Deterministic = true }, span),
                new PropertyValue("tenantId", new RuntimeValue("subscription().tenantId", span) { Deterministic = true }, span),
                new PropertyValue("displayName", new RuntimeValue("subscription().displayName", span) { Deterministic = true }, span),
            },
            span);
    }

    private static ObjectValue RuntimeObject(string function, SourceSpan span, params string[] members)
    {
        var props = new PropertyValue[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            props[i] = new PropertyValue(members[i], new RuntimeValue(function + "." + members[i], span) { Deterministic = true }, span);
        }

        return new ObjectValue(props, span) { IsOpen = true, OpenBecause = new RuntimeValue(function, span) { Deterministic = true } };
    }

    /// <summary>environment(): cloud-specific values stay runtime values, named so that rules can recognise them (e.g. the Key Vault DNS suffix).</summary>
    private static ObjectValue EnvironmentObject(SourceSpan span)
    {
        var suffixes = RuntimeObject("environment().suffixes", span, "keyvaultDns", "storage", "sqlServerHostname", "acrLoginServer", "azureDatalakeStoreFileSystem", "azureDatalakeAnalyticsCatalogAndJob");
        return new ObjectValue(
            new[]
            {
                new PropertyValue("name", new RuntimeValue("environment().name", span) { Deterministic = true }, span),
                new PropertyValue("suffixes", suffixes, span),
                new PropertyValue("authentication", new RuntimeValue("environment().authentication", span) { Deterministic = true }, span),
                new PropertyValue("resourceManager", new RuntimeValue("environment().resourceManager", span) { Deterministic = true }, span),
            },
            span)
        { IsOpen = true, OpenBecause = new RuntimeValue("environment()", span) { Deterministic = true } };
    }

    private static Value ExtensionResourceId(Evaluator evaluator, Value[] a, SourceSpan span, ResourceScope current)
    {
        if (a.Length < 3)
        {
            return Arity("extensionResourceId", span);
        }

        ResourceIdValue? parent = a[0] switch
        {
            ResourceIdValue id => id,
            StringValue s => ResourceIds.Parse(s.Text, span, current),
            _ => null,
        };
        if (parent is null)
        {
            return a[0].IsKnown ? new UnknownValue("extensionResourceId()'s scope is not a resource ID", span) : Evaluator.Unresolved(a[0], span, "the extension scope");
        }

        var rest = new Value[a.Length - 1];
        Array.Copy(a, 1, rest, 0, rest.Length);
        var inner = ResourceIds.FromArguments(rest, span, current, DeploymentScope.ResourceGroup);
        if (inner is not ResourceIdValue innerId)
        {
            return inner;
        }

        var scope = new ResourceScope(current.Kind, current.SubscriptionId, current.ResourceGroup, current.ManagementGroup, evaluator.Graph.Link(parent));
        return evaluator.Graph.Link(new ResourceIdValue(innerId.Type, innerId.Names, scope, span));
    }

    /// <summary>Joins strings; symbolic parts make a <see cref="CompositeStringValue"/> instead of a placeholder.</summary>
    internal static Value Concat(IReadOnlyList<Value> a, SourceSpan span)
    {
        if (a.Count > 0 && a[0] is ArrayValue)
        {
            var items = new List<Value>();
            foreach (var v in a)
            {
                if (v is ArrayValue arr)
                {
                    items.AddRange(arr.Items);
                }
                else if (v is NullValue)
                {
                    continue;
                }
                else
                {
                    return v.IsKnown ? new UnknownValue("concat() of an array and a non-array", span) : CannotCompute("concat", v, span);
                }
            }

            return new ArrayValue(items, span);
        }

        var parts = new List<Value>();
        var text = new StringBuilder();
        foreach (var v in a)
        {
            switch (v)
            {
                case StringValue s:
                    text.Append(s.Text);
                    break;
                case NumberValue or BoolValue:
                    text.Append(v.Describe());
                    break;
                case NullValue:
                    break;
                case CompositeStringValue c:
                    foreach (var p in c.Parts)
                    {
                        if (p is StringValue ps)
                        {
                            text.Append(ps.Text);
                        }
                        else
                        {
                            Flush(parts, text, span);
                            parts.Add(p);
                        }
                    }

                    break;
                case UnknownValue:
                case ConditionalValue:
                    return CannotCompute("concat", v, span);
                default:
                    if (v.IsKnown)
                    {
                        return new UnknownValue("concat() of an object or array with strings", span);
                    }

                    Flush(parts, text, span);
                    parts.Add(v);
                    break;
            }
        }

        if (parts.Count == 0)
        {
            return new StringValue(text.ToString(), span);
        }

        Flush(parts, text, span);
        return new CompositeStringValue(parts, span);
    }

    private static void Flush(List<Value> parts, StringBuilder text, SourceSpan span)
    {
        if (text.Length > 0)
        {
            parts.Add(new StringValue(text.ToString(), span));
            text.Clear();
        }
    }

    /// <summary>format('{0}-{1}', a, b) with .NET-style placeholders, as ARM implements it.</summary>
    private static Value Format(Value[] a, SourceSpan span)
    {
        if (a.Length < 1 || a[0] is not StringValue formatString)
        {
            return a.Length < 1 ? Arity("format", span) : CannotCompute("format", a[0], span);
        }

        var pieces = new List<Value>();
        string f = formatString.Text;
        var literal = new StringBuilder();
        for (int i = 0; i < f.Length; i++)
        {
            char c = f[i];
            if (c == '{' && i + 1 < f.Length && f[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < f.Length && f[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                int close = f.IndexOf('}', i);
                if (close < 0)
                {
                    return new UnknownValue("format() string has an unclosed '{'", span);
                }

                string spec = f.Substring(i + 1, close - i - 1);
                int colon = spec.IndexOf(':');
                string indexText = colon >= 0 ? spec.Substring(0, colon) : spec;
                if (!int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) || index + 1 >= a.Length)
                {
                    return new UnknownValue("format() refers to a missing argument", span);
                }

                var arg = a[index + 1];
                if (colon >= 0 && arg is NumberValue number)
                {
                    literal.Append(number.Number.ToString(spec.Substring(colon + 1), CultureInfo.InvariantCulture));
                }
                else
                {
                    pieces.Add(new StringValue(literal.ToString(), span));
                    literal.Clear();
                    if (arg is ArrayValue || arg is ObjectValue)
                    {
                        string? json = JsonText.Write(arg);
                        if (json is null)
                        {
                            return new UnknownValue("format() of an object or array known only in part", span);
                        }

                        pieces.Add(new StringValue(json, span));
                    }
                    else
                    {
                        pieces.Add(arg);
                    }
                }

                i = close;
            }
            else
            {
                literal.Append(c);
            }
        }

        pieces.Add(new StringValue(literal.ToString(), span));
        return Concat(pieces, span);
    }

    private static Value ToStringValue(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("string", span);
        }

        return a[0] switch
        {
            StringValue s => s.At(span),
            NumberValue or BoolValue => new StringValue(a[0].Describe(), span),
            NullValue => new StringValue(string.Empty, span),
            ObjectValue or ArrayValue => JsonText.Write(a[0]) is string json ? new StringValue(json, span) : new UnknownValue("string() of an object or array known only in part", span),
            CompositeStringValue c => c,
            ResourceIdValue or ResourceReferenceValue or RuntimeValue => a[0],
            _ => CannotCompute("string", a[0], span),
        };
    }

    private static Value Equal(Value[] a, SourceSpan span, bool ignoreCase)
    {
        if (a.Length != 2)
        {
            return Arity("equals", span);
        }

        bool? same = Values.Same(a[0], a[1], ignoreCase);
        if (same is bool b)
        {
            return new BoolValue(b, span);
        }

        return CannotCompute("equals", a[0].IsKnown ? a[1] : a[0], span);
    }

    private static Value Not(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("not", span);
        }

        var b = Values.AsBool(a[0]);
        return b is bool known ? new BoolValue(!known, span) : CannotCompute("not", a[0], span);
    }

    private static Value Json(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("json", span);
        }

        if (a[0] is StringValue s)
        {
            return JsonText.Read(s.Text, span) ?? new UnknownValue("json() of text that is not JSON", span);
        }

        return a[0].IsKnown ? new UnknownValue("json() of a value that is not a string", span) : CannotCompute("json", a[0], span);
    }

    private static Value CreateObject(Value[] a, SourceSpan span)
    {
        if (a.Length % 2 != 0)
        {
            return Arity("createObject", span);
        }

        var props = new List<PropertyValue>();
        for (int i = 0; i < a.Length; i += 2)
        {
            if (a[i] is not StringValue key)
            {
                // createObject(format('{0}', id), ...) is how compiled modules build userAssignedIdentities: keep the key symbolic, as an object literal's.
                if (ResourceIdKey(a[i]) is { } idKey)
                {
                    props.Add(new PropertyValue(idKey.Describe(), a[i + 1], a[i].Span) { KeyValue = idKey });
                    continue;
                }

                return a[i].IsKnown ? new UnknownValue("createObject() key is not a string", span) : CannotCompute("createObject", a[i], span);
            }

            props.Add(new PropertyValue(key.Text, a[i + 1], a[i].Span));
        }

        return new ObjectValue(props, span);
    }

    private static Value ToArray(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("array", span);
        }

        return a[0] is ArrayValue ? a[0] : new ArrayValue(new[] { a[0] }, span);
    }

    private static Value ToBool(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("bool", span);
        }

        var b = a[0] is NumberValue n ? n.Number != 0 : Values.AsBool(a[0]);
        return b is bool known ? new BoolValue(known, span) : CannotCompute("bool", a[0], span);
    }

    private static Value ToInt(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("int", span);
        }

        return a[0] switch
        {
            NumberValue n => new NumberValue(Math.Truncate(n.Number), span),
            StringValue s when long.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => new NumberValue(l, span),
            _ => a[0].IsKnown ? new UnknownValue("int() of a value that is not a number", span) : CannotCompute("int", a[0], span),
        };
    }

    private static Value ToFloat(Value[] a, SourceSpan span)
    {
        if (a.Length != 1)
        {
            return Arity("float", span);
        }

        return a[0] switch
        {
            NumberValue n => n.At(span),
            StringValue s when double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => new NumberValue(d, span),
            _ => a[0].IsKnown ? new UnknownValue("float() of a value that is not a number", span) : CannotCompute("float", a[0], span),
        };
    }

    /// <summary>uniqueString()/guid(): deterministic, so equal arguments give equal (still symbolic) results.</summary>
    private static Value Deterministic(string name, Value[] a, SourceSpan span)
    {
        var sb = new StringBuilder(name).Append('(');
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] is UnknownValue)
            {
                return a[i];
            }

            sb.Append(i > 0 ? ", " : string.Empty).Append(a[i].Describe());
        }

        return new RuntimeValue(sb.Append(')').ToString(), span) { Deterministic = true, Owner = RuntimeOwners.Of(a), Function = name, Arguments = a };
    }

    /// <summary>The entries of an object as <c>items()</c> returns them: <c>{ key, value }</c> sorted by key.</summary>
    public static IReadOnlyList<Value> ItemsOf(ObjectValue obj)
    {
        var props = new List<PropertyValue>(obj.Properties);
        props.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        var items = new List<Value>(props.Count);
        foreach (var p in props)
        {
            items.Add(new ObjectValue(new[] { new PropertyValue("key", p.KeyValue ?? new StringValue(p.Name, p.NameSpan), p.NameSpan), new PropertyValue("value", p.Value, p.NameSpan) }, p.NameSpan));
        }

        return items;
    }
}
