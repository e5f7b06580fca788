using System;
using System.Collections.Generic;
using System.IO;
using CmkLint.Bicep.Syntax;
using CmkLint.Diagnostics;
using CmkLint.Engine;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// Lowers a parsed Bicep file to the template model, as the Bicep compiler lowers it to ARM JSON:
/// parameters, variables, functions, resources (nested children with composed types and their
/// parent), modules (nested deployments of the module's template, inner expression scope),
/// imports, outputs and the diagnostics pragmas. What cannot be lowered becomes an
/// <see cref="UnsupportedExpr"/> and a CMK901 note; nothing here throws on bad input.
/// </summary>
internal sealed partial class TemplateLowering
{
    /// <summary>The namespace Bicep user functions live in, as the compiler emits them.</summary>
    internal const string FunctionNamespace = "__bicep";

    private const string DeploymentsType = "Microsoft.Resources/deployments";

    private readonly SourceFile file;
    private readonly TemplateLoader? loader;
    private readonly Template template;
    private readonly Dictionary<string, Binding> globals = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, Binding>> scopes = new();
    private readonly HashSet<string> reportedUnsupported = new(StringComparer.Ordinal);

    private TemplateLowering(SourceFile file, TemplateLoader? loader, Template template)
    {
        this.file = file;
        this.loader = loader;
        this.template = template;
    }

    public static Template Lower(BicepSyntaxTree tree, TemplateLoader? loader)
    {
        var template = new Template(tree.File, TemplateLanguage.Bicep)
        {
            Span = tree.File.Span(0, tree.File.Text.Length),
            UsesSymbolicNames = true,
        };
        var lowering = new TemplateLowering(tree.File, loader, template);
        lowering.LowerProgram(tree.Root);
        PragmaSuppressions.Add(tree, template.Suppressions);
        return template;
    }

    /// <summary>A lowering for a <c>.bicepparam</c> file: its variables and imports are declared; the caller lowers each value.</summary>
    internal static TemplateLowering ForParametersFile(SourceFile file, TemplateLoader? loader, Template scratch, ProgramSyntax program)
    {
        var lowering = new TemplateLowering(file, loader, scratch);
        lowering.DeclareSymbols(program);
        foreach (var import in program.Imports)
        {
            lowering.LowerImport(import);
        }

        foreach (var variable in program.Variables)
        {
            if (!variable.Name.IsMissing)
            {
                scratch.Variables[variable.SymbolName] = new VariableDeclaration(variable.SymbolName, variable.NameSpan, lowering.LowerExpression(variable.Value));
            }
        }

        return lowering;
    }

    private void LowerProgram(ProgramSyntax program)
    {
        if (program.TargetScope is { } targetScope)
        {
            template.TargetScope = TargetScopeOf(targetScope.Value);
        }

        this.program = program;
        DeclareSymbols(program);
        foreach (var import in program.Imports)
        {
            LowerImport(import);
        }

        NullableTypeAliases.Collect(program, template);
        foreach (var statement in program.Statements)
        {
            switch (statement)
            {
                case ParameterDeclarationSyntax parameter:
                    LowerParameter(parameter);
                    break;
                case VariableDeclarationSyntax variable when !variable.Name.IsMissing:
                    template.Variables[variable.SymbolName] = new VariableDeclaration(variable.SymbolName, variable.NameSpan, LowerExpression(variable.Value));
                    break;
                case FunctionDeclarationSyntax function when !function.Name.IsMissing:
                    LowerFunction(function);
                    break;
                case ResourceDeclarationSyntax resource:
                    LowerResource(resource, null, resource.SymbolName);
                    break;
                case ModuleDeclarationSyntax module:
                    LowerModule(module);
                    break;
                case OutputDeclarationSyntax output when !output.Name.IsMissing:
                    template.Outputs[output.SymbolName] = new OutputDeclaration(output.SymbolName, output.NameSpan, LowerExpression(output.Value));
                    break;
            }
        }

        ModuleNameCheck.ReportDuplicates(program, template.Diagnostics);
        ReportPendingRegistryImports();
        OrderByReferences(template.Resources);
    }

    private static DeploymentScope TargetScopeOf(ExpressionSyntax value)
    {
        switch ((value as StringSyntax)?.Value)
        {
            case "subscription":
                return DeploymentScope.Subscription;
            case "managementGroup":
                return DeploymentScope.ManagementGroup;
            case "tenant":
                return DeploymentScope.Tenant;
            default:
                return DeploymentScope.ResourceGroup;
        }
    }

    /// <summary>Bicep names can be used before they are declared: bind every top-level name first.</summary>
    private void DeclareSymbols(ProgramSyntax program)
    {
        foreach (var extension in program.Extensions)
        {
            if (extension.Alias is { IsMissing: false } alias)
            {
                globals[alias.Name] = new Binding(BindingKind.Extension, alias.Name);
            }
            else if (extension.Specification is IdentifierSyntax { IsMissing: false } name)
            {
                globals[name.Name] = new Binding(BindingKind.Extension, name.Name);
            }
        }

        foreach (var statement in program.Statements)
        {
            if (statement is not DeclarationSyntax declaration || declaration.Name.IsMissing)
            {
                continue;
            }

            string name = declaration.SymbolName;
            switch (statement)
            {
                case ParameterDeclarationSyntax:
                    globals[name] = new Binding(BindingKind.Parameter, name);
                    break;
                case VariableDeclarationSyntax:
                    globals[name] = new Binding(BindingKind.Variable, name);
                    break;
                case ResourceDeclarationSyntax resource:
                    globals[name] = new Binding(BindingKind.Resource, name);
                    DeclareNested(resource, name);
                    break;
                case ModuleDeclarationSyntax:
                    globals[name] = new Binding(BindingKind.Module, name);
                    break;
                case FunctionDeclarationSyntax:
                    globals[name] = new Binding(BindingKind.Function, FunctionNamespace + "." + name);
                    break;
            }
        }
    }

    private void DeclareNested(ResourceDeclarationSyntax resource, string modelName)
    {
        foreach (var child in resource.Body?.Resources ?? (IReadOnlyList<ResourceDeclarationSyntax>)Array.Empty<ResourceDeclarationSyntax>())
        {
            if (!child.Name.IsMissing)
            {
                string childName = modelName + "::" + child.SymbolName;
                nestedResourceNames.Add(childName);
                DeclareNested(child, childName);
            }
        }
    }

    private void LowerParameter(ParameterDeclarationSyntax syntax)
    {
        if (syntax.Name.IsMissing)
        {
            return;
        }

        var declaration = new ParameterDeclaration(syntax.SymbolName, syntax.NameSpan)
        {
            Type = TypeName(syntax.Type),
        };
        if (syntax.Type is TypeVariableAccessSyntax alias && template.NullableTypes.Contains(alias.TypeName))
        {
            declaration.Type += "?";
        }

        if (syntax.TryGetDecorator("secure") is not null)
        {
            declaration.Type = declaration.Type is not null && declaration.Type.StartsWith("object", StringComparison.OrdinalIgnoreCase) ? "secureObject" : "securestring";
        }

        if (syntax.DefaultValue is not null)
        {
            declaration.DefaultValue = LowerExpression(syntax.DefaultValue);
        }

        var allowed = syntax.TryGetDecorator("allowed");
        if (allowed is not null && allowed.Arguments.Count == 1 && LowerExpression(allowed.Arguments[0]) is ArrayExpr values)
        {
            declaration.AllowedValues = values;
        }
        else if (LiteralUnion(syntax.Type) is { } union)
        {
            // param sku 'Basic' | 'Premium' compiles to allowedValues.
            declaration.AllowedValues = union;
        }

        template.Parameters[declaration.Name] = declaration;
    }

    /// <summary>The type as ARM would name it (<c>string</c>, <c>int</c>, <c>object</c>...), with <c>?</c> for nullable types.</summary>
    private static string? TypeName(TypeSyntax? type)
    {
        // T?, T! and (T) wrap T as often as the file is long: unwrap them in a loop, counting the '?'.
        int nullable = 0;
        while (type is NullableTypeSyntax or NonNullableTypeSyntax or ParenthesizedTypeSyntax)
        {
            nullable += type is NullableTypeSyntax ? 1 : 0;
            type = type switch
            {
                NullableTypeSyntax n => n.BaseType,
                NonNullableTypeSyntax n => n.BaseType,
                _ => ((ParenthesizedTypeSyntax)type).Type,
            };
        }

        string? name = UnwrappedTypeName(type);
        return nullable == 0 ? name : (name ?? "object") + new string('?', nullable);
    }

    private static string? UnwrappedTypeName(TypeSyntax? type)
    {
        switch (type)
        {
            case null:
                return null;
            case TypeVariableAccessSyntax named:
                return named.TypeName;
            case ArrayTypeSyntax:
                return "array";
            case UnionTypeSyntax union:
                return union.Members.Count > 0 ? TypeName(union.Members[0]) : "object";
            case LiteralTypeSyntax literal:
                return literal.Literal switch
                {
                    StringSyntax => "string",
                    IntegerLiteralSyntax => "int",
                    UnaryOperationSyntax => "int",
                    BooleanLiteralSyntax => "bool",
                    _ => "object",
                };
            case ResourceTypeSyntax:
                return "string";
            default:
                return "object";
        }
    }

    private ArrayExpr? LiteralUnion(TypeSyntax type)
    {
        while (type is NullableTypeSyntax nullable)
        {
            type = nullable.BaseType;
        }

        if (type is not UnionTypeSyntax union)
        {
            return null;
        }

        var items = new List<Expr>(union.Members.Count);
        foreach (var member in union.Members)
        {
            if (member is not LiteralTypeSyntax literal)
            {
                return null;
            }

            items.Add(LowerExpression(literal.Literal));
        }

        return new ArrayExpr(union.Span, items);
    }

    private void LowerFunction(FunctionDeclarationSyntax syntax)
    {
        var names = new List<string>(syntax.Parameters.Count);
        var scope = new Dictionary<string, Binding>(StringComparer.Ordinal);
        foreach (var p in syntax.Parameters)
        {
            if (!p.Name.IsMissing)
            {
                names.Add(p.Name.Name);
                scope[p.Name.Name] = new Binding(BindingKind.Local, p.Name.Name);
            }
        }

        scopes.Add(scope);
        var body = LowerExpression(syntax.Body);
        scopes.RemoveAt(scopes.Count - 1);
        string key = FunctionNamespace + "." + syntax.SymbolName;
        template.Functions[key] = new FunctionDeclaration(key, syntax.NameSpan, names, body);
    }

    /// <summary>A resource; <paramref name="modelName"/> is its unique symbolic name (<c>parent::child</c> for nested ones).</summary>
    private void LowerResource(ResourceDeclarationSyntax syntax, ResourceDeclaration? parent, string modelName)
    {
        if (syntax.Name.IsMissing)
        {
            return;
        }

        string? type = syntax.ResourceType;
        if (type is null)
        {
            if (syntax.Type is StringSyntax { IsInterpolated: true })
            {
                Unsupported(syntax.Type.Span, "an interpolated resource type");
            }

            return;
        }

        string? apiVersion = syntax.ApiVersion;
        if (parent is not null && type.IndexOf('/') < 0)
        {
            // resource key 'keys' = {...} inside a vault: the type and API version compose with the parent's.
            type = parent.Type + "/" + type;
            apiVersion ??= parent.ApiVersion;
        }

        var declaration = new ResourceDeclaration(template, type, syntax.Span)
        {
            SymbolicName = modelName,
            ApiVersion = apiVersion,
            ApiVersionSpan = syntax.Type.Span,
            NameSpan = syntax.NameSpan,
            Existing = syntax.IsExisting,
            Parent = parent,
        };

        // Nested children are visible by their short name in the whole body of their parent.
        var children = syntax.Body?.Resources ?? (IReadOnlyList<ResourceDeclarationSyntax>)Array.Empty<ResourceDeclarationSyntax>();
        var childScope = new Dictionary<string, Binding>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (!child.Name.IsMissing)
            {
                childScope[child.SymbolName] = new Binding(BindingKind.Resource, modelName + "::" + child.SymbolName);
            }
        }

        int pushed = 0;
        if (syntax.Loop is { } loop)
        {
            declaration.Loop = LowerLoop(loop, syntax.Condition);
            pushed++;
        }
        else if (syntax.Condition is { } condition)
        {
            declaration.Condition = LowerExpression(condition.Condition);
        }

        scopes.Add(childScope);
        pushed++;
        if (syntax.Body is { } body)
        {
            declaration.Body = LowerDeclarationBody(body, declaration, isModule: false);
        }
        else
        {
            declaration.Body = new ObjectExpr(syntax.Value.Span, Array.Empty<ObjectProperty>());
        }

        template.Resources.Add(declaration);
        foreach (var child in children)
        {
            LowerResource(child, declaration, modelName + "::" + child.SymbolName);
        }

        scopes.RemoveRange(scopes.Count - pushed, pushed);
    }

    /// <summary>A resource or module loop; pushes a scope with its variables (the caller pops it).</summary>
    private ResourceLoop LowerLoop(ForSyntax loop, IfConditionSyntax? filter)
    {
        var source = LowerExpression(loop.Expression);
        var scope = new Dictionary<string, Binding>(StringComparer.Ordinal);
        var result = new ResourceLoop(loop.Span, source, false);
        if (!loop.ItemVariable.IsMissing)
        {
            result.ItemVariable = loop.ItemVariable.Name;
            scope[loop.ItemVariable.Name] = new Binding(BindingKind.Local, loop.ItemVariable.Name);
        }

        if (loop.IndexVariable is { IsMissing: false } index)
        {
            result.IndexVariable = index.Name;
            scope[index.Name] = new Binding(BindingKind.Local, index.Name);
        }

        scopes.Add(scope);
        if (filter is not null)
        {
            result.Filter = LowerExpression(filter.Condition);
        }

        return result;
    }

    /// <summary>
    /// The body of a resource or module as an object, and the properties that mean something to the
    /// declaration itself: <c>name</c>, <c>parent</c>, <c>scope</c>, <c>dependsOn</c>.
    /// </summary>
    private ObjectExpr LowerDeclarationBody(ObjectSyntax body, ResourceDeclaration declaration, bool isModule)
    {
        var properties = new List<ObjectProperty>(body.Items.Count);
        Expr? parentExpression = null;
        foreach (var item in body.Items)
        {
            if (item is not ObjectPropertySyntax property)
            {
                if (item is SpreadSyntax spread)
                {
                    properties.Add(new ObjectProperty("...", spread.Span, new SpreadExpr(spread.Span, LowerExpression(spread.Expression))));
                }

                continue;
            }

            string? key = property.KeyName;
            switch (key)
            {
                case "parent" when !isModule:
                    if (ResourceModelName(property.Value) is string symbol)
                    {
                        declaration.ParentSymbol = symbol;
                    }
                    else
                    {
                        parentExpression = LowerExpression(property.Value);
                    }

                    continue;
                case "dependsOn":
                    if (LowerExpression(property.Value) is ArrayExpr dependencies)
                    {
                        declaration.DependsOn.AddRange(dependencies.Items);
                    }

                    continue;
                case "scope":
                    declaration.Scope = LowerExpression(property.Value);
                    continue;
                case "params" when isModule:
                    continue;
            }

            var lowered = LowerProperty(property);
            properties.Add(lowered);
            if (key == "name")
            {
                declaration.Name = lowered.Value;
            }
        }

        if (parentExpression is not null && declaration.Name is not null)
        {
            // parent: vaults[i] (not a plain symbol): compose the full name as the compiler does, 'vault/key'.
            var span = declaration.Name.Span;
            var parentName = new PropertyAccessExpr(parentExpression.Span, parentExpression, "name");
            declaration.Name = new CallExpr(span, "concat", new Expr[] { parentName, new LiteralExpr(span, "/"), declaration.Name });
        }

        return new ObjectExpr(body.Span, properties);
    }

    private void LowerModule(ModuleDeclarationSyntax syntax)
    {
        if (syntax.Name.IsMissing)
        {
            return;
        }

        var declaration = new ResourceDeclaration(template, DeploymentsType, syntax.Span)
        {
            SymbolicName = syntax.SymbolName,
            ApiVersion = ModuleApiVersion,
            NameSpan = syntax.NameSpan,
        };
        int pushed = 0;
        if (syntax.Loop is { } loop)
        {
            declaration.Loop = LowerLoop(loop, syntax.Condition);
            pushed++;
        }
        else if (syntax.Condition is { } condition)
        {
            declaration.Condition = LowerExpression(condition.Condition);
        }

        var body = syntax.Body;
        declaration.Body = body is null ? new ObjectExpr(syntax.Value.Span, Array.Empty<ObjectProperty>()) : LowerDeclarationBody(body, declaration, isModule: true);
        declaration.Name ??= DefaultModuleName(syntax);
        var nestedTemplate = LoadModule(syntax, out var registryCall);
        if (nestedTemplate is not null)
        {
            var nested = new NestedDeployment(nestedTemplate, ExpressionScope.Inner);
            if (body?.TryGetProperty("params") is { Value: ObjectSyntax parameters })
            {
                foreach (var p in parameters.Properties)
                {
                    if (p.KeyName is string name)
                    {
                        nested.ParameterValues[name] = LowerExpression(p.Value);
                        if (registryCall is not null)
                        {
                            registryCall.Arguments[name] = p.Value.Span;
                        }
                    }
                }

                foreach (var item in parameters.Items)
                {
                    if (item is SpreadSyntax spread)
                    {
                        Unsupported(spread.Span, "a spread in module parameters");
                    }
                }
            }
            else if (body?.TryGetProperty("params") is { } other)
            {
                Unsupported(other.Value.Span, "module parameters that are not an object literal");
            }

            declaration.Nested = nested;
            if (registryCall is not null)
            {
                loader?.ModuleCache.Register(registryCall);
            }
        }

        scopes.RemoveRange(scopes.Count - pushed, pushed);
        template.Resources.Add(declaration);
    }

    /// <summary>The deployments API version the Bicep compiler emits for modules.</summary>
    internal const string ModuleApiVersion = "2025-04-01";

    /// <summary>A module without <c>name</c> gets a generated deployment name, as the compiler generates one.</summary>
    private static Expr DefaultModuleName(ModuleDeclarationSyntax syntax)
    {
        var span = syntax.NameSpan;
        var deploymentName = new PropertyAccessExpr(span, new CallExpr(span, "deployment", Array.Empty<Expr>()), "name");
        return new CallExpr(span, "format", new Expr[]
        {
            new LiteralExpr(span, "{0}-{1}"),
            new LiteralExpr(span, syntax.SymbolName),
            new CallExpr(span, "uniqueString", new Expr[] { new LiteralExpr(span, syntax.SymbolName), deploymentName }),
        });
    }

    private Template? LoadModule(ModuleDeclarationSyntax syntax, out Modules.RegistryModuleCall? registryCall)
    {
        registryCall = null;
        string? path = syntax.PathText;
        if (path is null)
        {
            if (syntax.Path is StringSyntax { IsInterpolated: true })
            {
                Unsupported(syntax.Path.Span, "an interpolated module path");
            }

            return null;
        }

        if (Modules.ModuleReference.IsRegistryReference(path))
        {
            return LoadRegistryModule(syntax, path, out registryCall);
        }

        var loaded = LoadReferencedFile(path, syntax.Path.Span, "module");
        if (loaded is null)
        {
            return null;
        }

        if (loaded.Template is null)
        {
            Unsupported(syntax.Path.Span, $"module '{path}' (not a template CmkLint can read)");
        }

        return loaded.Template;
    }

    /// <summary>Loads a local file a module or import refers to (once per run); missing files give a CMK901 note.</summary>
    private FrontEndResult? LoadReferencedFile(string path, SourceSpan span, string what)
    {
        if (loader is null)
        {
            return null;
        }

        if (ModulePaths.Resolve(file, path, backslashIsSeparator: true) is not string full)
        {
            Unsupported(span, $"{what} path '{path}'");
            return null;
        }

        if (loader.FileSystem.RefusalOf(full) is string refusal && refusal != FileAccessPolicy.Missing)
        {
            Unsupported(span, $"{what} '{path}' (refused: {refusal})");
            return null;
        }

        if (!loader.FileSystem.FileExists(full) && ModulePaths.StaysBeside(path))
        {
            // The compiler rejects the file (BCP091): an error at the reference, not a note. A path that climbs out of
            // the file's folder may lead outside the analysed files (a partial checkout), so it stays a note.
            Invalid(span, $"BCP091: An error occurred reading file. Could not find file '{path}'.");
            return null;
        }

        if (!loader.FileSystem.FileExists(full) || !loader.CanRead(full))
        {
            Unsupported(span, $"{what} '{path}' (the file is not found or not a Bicep or JSON file)");
            return null;
        }

        var loaded = ModuleLoadGuard.TryLoad(loader, file, full, out var refused);
        if (refused == ModuleLoadGuard.Refusal.Cycle)
        {
            Unsupported(span, $"{what} '{path}' (it refers back to a file that refers to it: a cycle)");
        }
        else if (refused == ModuleLoadGuard.Refusal.TooDeep)
        {
            template.Diagnostics.Add(InputDiagnostics.OverBudget(span, "deploymentDepth", loader.DeploymentDepth, $"{what} '{path}', with files nested more than {loader.DeploymentDepth} levels deep below this one"));
        }

        return loaded;
    }

    /// <summary>
    /// <c>import {a, b as c} from 'x.bicep'</c> and <c>import * as ns from 'x.bicep'</c>: exported
    /// variables and functions are copied from the file (with the variables and functions they use).
    /// </summary>
    private void LowerImport(ImportDeclarationSyntax import)
    {
        Template? source = null;
        string? path = import.PathText;
        if (path is not null && Modules.ModuleReference.IsRegistryReference(path))
        {
            source = LoadRegistryImport(import, path);
        }
        else if (path is not null)
        {
            var loaded = LoadReferencedFile(path, import.Path.Span, "import");
            source = loaded?.Template;
        }
        else
        {
            Unsupported(import.Path.Span, "an import without a literal path");
        }

        if (import.WildcardAlias is { IsMissing: false } alias)
        {
            globals[alias.Name] = new Binding(BindingKind.ImportNamespace, alias.Name);
            if (source is not null)
            {
                CopyImported(source);
                foreach (var f in source.Functions.Values)
                {
                    string key = FunctionNamespace + "." + alias.Name + "." + ShortFunctionName(f.Name);
                    template.Functions[key] = new FunctionDeclaration(key, f.Span, f.Parameters, f.Output);
                }

                foreach (var v in source.Variables.Values)
                {
                    string key = alias.Name + "." + v.Name;
                    template.Variables[key] = new VariableDeclaration(key, v.Span, v.Value);
                }
            }

            return;
        }

        foreach (var symbol in import.Symbols)
        {
            string? original = symbol.OriginalNameText;
            string? local = symbol.LocalName;
            if (original is null || local is null)
            {
                continue;
            }

            if (source is null)
            {
                globals[local] = new Binding(BindingKind.Unresolved, local);
                continue;
            }

            if (source.Variables.TryGetValue(original, out var variable))
            {
                template.Variables[local] = new VariableDeclaration(local, variable.Span, variable.Value);
                globals[local] = new Binding(BindingKind.Variable, local);
            }
            else if (source.Functions.TryGetValue(FunctionNamespace + "." + original, out var function))
            {
                string key = FunctionNamespace + "." + local;
                template.Functions[key] = new FunctionDeclaration(key, function.Span, function.Parameters, function.Output);
                globals[local] = new Binding(BindingKind.Function, key);
            }

            // Anything else is a type: only whether it accepts null matters to the rules.
            NullableTypeAliases.Import(source, original, local, template);
        }

        if (source is not null)
        {
            CopyImported(source);
        }
    }

    /// <summary>Imported expressions refer to their own file's variables and functions: bring those along unless names clash.</summary>
    private void CopyImported(Template source)
    {
        foreach (var v in source.Variables.Values)
        {
            if (!template.Variables.ContainsKey(v.Name) && !globals.ContainsKey(v.Name))
            {
                template.Variables[v.Name] = v;
            }
        }

        foreach (var f in source.Functions.Values)
        {
            if (!template.Functions.ContainsKey(f.Name))
            {
                template.Functions[f.Name] = f;
            }
        }
    }

    private static string ShortFunctionName(string key)
    {
        int dot = key.LastIndexOf('.');
        return dot < 0 ? key : key.Substring(dot + 1);
    }

    private void Unsupported(SourceSpan span, string construct)
    {
        if (reportedUnsupported.Add(construct + "@" + span.Start))
        {
            template.Diagnostics.Add(InputDiagnostics.Unsupported(span, construct));
        }
    }

    private void Invalid(SourceSpan span, string message)
    {
        template.Diagnostics.Add(InputDiagnostics.Invalid(span, message));
    }
}
