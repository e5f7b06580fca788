using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// Lowers the C# infrastructure code of one operation block (a method, a lambda's container, top-level
/// statements) to the engine's template model, so the same rules run on it as on ARM JSON and Bicep.
/// Object creations of recognised SDK types become resources and their nested objects; initializers
/// and later <c>x.Prop = ...</c> assignments fill them. Compile-time constants become literals; the
/// identity's <c>ClientId</c>/<c>PrincipalId</c>/<c>Id</c> become references to the identity resource;
/// anything else becomes an unknown that names the C# expression.
/// </summary>
internal sealed class InfrastructureLowering
{
    private const int MaxDepth = 32;

    private readonly SourceFile file;
    private readonly Template template;
    private readonly List<ResourceModel> resources = new();
    private readonly Dictionary<SyntaxNode, ResourceModel> resourceByNode = new();
    private readonly Dictionary<SyntaxNode, ModelObject> objectByNode = new();
    private readonly Dictionary<ILocalSymbol, object?> localValues = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> resolving = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> symbols = new(StringComparer.OrdinalIgnoreCase);
    private int depth;

    public InfrastructureLowering(SourceFile file)
    {
        this.file = file;
        template = new Template(file, TemplateLanguage.CSharp) { Span = file.Span(0, file.Text.Length), UsesSymbolicNames = true };
    }

    /// <summary>Registry updates that set encryption (CMK007: a CMK can only be enabled at creation).</summary>
    public List<(SourceSpan Span, string Message)> EncryptionUpdates { get; } = new();

    /// <summary>Reads the relevant operations of one block (object creations, assignments, invocations) in source order.</summary>
    public Template Lower(IEnumerable<IOperation> operations)
    {
        var ordered = new List<IOperation>(operations);
        ordered.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        foreach (var operation in ordered)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation when Shape(creation.Type) is { } shape:
                    if (shape.IsUpdate)
                    {
                        CheckUpdate(creation);
                    }
                    else if (shape.ResourceType is not null)
                    {
                        ResourceOf(creation, shape);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when !IsInInitializer(assignment):
                    Assign(assignment);
                    break;
                case IInvocationOperation invocation:
                    Invoke(invocation);
                    break;
            }
        }

        Finish();
        return template;
    }

    private void Finish()
    {
        foreach (var resource in resources)
        {
            IdentityListToMap(resource.Body);
            var declaration = new ResourceDeclaration(template, resource.Type, resource.Span)
            {
                SymbolicName = resource.Symbol,
                NameSpan = resource.NameSpan,
                Existing = resource.Existing,
                ApiVersion = resource.ApiVersion,
                Scope = resource.Scope,
            };
            declaration.Body = resource.Body.ToExpr();
            declaration.Name = declaration.Body.Get("name") ?? new UnsupportedExpr(resource.NameSpan, $"the name the SDK gives '{resource.Symbol}'");
            foreach (var dependency in resource.DependsOn)
            {
                declaration.DependsOn.Add(new SymbolExpr(resource.NameSpan, SymbolKind.Resource, dependency.Symbol));
            }

            template.Resources.Add(declaration);
        }
    }

    /// <summary>Pulumi lists the user-assigned identity IDs; ARM keys an object by them.</summary>
    private static void IdentityListToMap(ModelObject body)
    {
        if (body.Get("identity") is ModelObject identity && identity.Get("userAssignedIdentities") is ModelArray list)
        {
            var map = new ModelObject(list.Span);
            foreach (var item in list.Items)
            {
                var key = item as Expr ?? new UnsupportedExpr(list.Span, "an identity ID that is not a value");
                var empty = new ModelObject(key.Span);
                if (key is LiteralExpr { Value: string id })
                {
                    map.Add(id, null, empty, key.Span);
                }
                else
                {
                    map.Add(key.Span.Text, key, empty, key.Span);
                }
            }

            identity.Set("userAssignedIdentities", map, list.Span);
        }
    }

    private static bool IsInInitializer(IOperation operation) => operation.Parent is IObjectOrCollectionInitializerOperation;

    private static SdkShape? Shape(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && named.IsGenericType && named.TypeArguments.Length == 1 && IsWrapper(named))
        {
            return Shape(named.TypeArguments[0]);
        }

        return SdkShapes.Find(MetadataName(type));
    }

    /// <summary>Azure.Provisioning's <c>BicepValue&lt;T&gt;</c> and Pulumi's <c>Input&lt;T&gt;</c> wrap models; the model is what matters.</summary>
    private static bool IsWrapper(INamedTypeSymbol type)
    {
        string name = MetadataName(type.OriginalDefinition);
        return name == "Azure.Provisioning.BicepValue`1" || name == "Pulumi.Input`1" || name == "System.Nullable`1";
    }

    private static string MetadataName(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        string prefix = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
        var container = type.ContainingType;
        while (container is not null)
        {
            prefix += container.MetadataName + "+";
            container = container.ContainingType;
        }

        return prefix + type.MetadataName;
    }

    private SourceSpan SpanOf(SyntaxNode node) => file.Span(node.SpanStart, node.Span.Length);

    // ---- resources -------------------------------------------------------------------------

    private ResourceModel ResourceOf(IObjectCreationOperation creation, SdkShape shape)
    {
        if (resourceByNode.TryGetValue(creation.Syntax, out var existing))
        {
            return existing;
        }

        var headSpan = creation.Syntax is BaseObjectCreationExpressionSyntax syntax && syntax.Initializer is not null
            ? file.Span(syntax.SpanStart, syntax.Initializer.SpanStart - syntax.SpanStart).Trimmed()
            : SpanOf(creation.Syntax);
        var resource = new ResourceModel(shape.ResourceType!, SpanOf(creation.Syntax), headSpan, new ModelObject(SpanOf(creation.Syntax)));
        resourceByNode[creation.Syntax] = resource;
        objectByNode[creation.Syntax] = resource.Body;
        resource.Symbol = UniqueSymbol(SymbolFor(creation, shape));
        resource.ApiVersion = ConstantArgument(creation, "resourceVersion");
        resources.Add(resource);
        Fill(resource.Body, creation, shape, resource);
        if (shape.IsResourceData)
        {
            // Azure.ResourceManager runs its calls one after another: each resource waits for the ones created before it.
            foreach (var earlier in resources)
            {
                if (!ReferenceEquals(earlier, resource) && earlier.IsSequential)
                {
                    resource.DependsOn.Add(earlier);
                }
            }

            resource.IsSequential = true;
        }

        return resource;
    }

    private string SymbolFor(IObjectCreationOperation creation, SdkShape shape)
    {
        foreach (var p in shape.ConstructorParameters)
        {
            if (p.Value == "@symbol" && ConstantArgument(creation, p.Key) is string s && s.Length > 0)
            {
                return s;
            }
        }

        var declarator = creation.Syntax.Parent?.Parent as VariableDeclaratorSyntax;
        if (declarator is not null)
        {
            return declarator.Identifier.ValueText;
        }

        int slash = shape.ResourceType!.LastIndexOf('/');
        return shape.ResourceType.Substring(slash + 1);
    }

    private string UniqueSymbol(string wanted)
    {
        string name = wanted;
        for (int i = 2; !symbols.Add(name); i++)
        {
            name = wanted + i;
        }

        return name;
    }

    private static string? ConstantArgument(IObjectCreationOperation creation, string parameter)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.ConstantValue.HasValue)
            {
                return argument.Value.ConstantValue.Value as string;
            }
        }

        return null;
    }

    /// <summary>Constructor arguments and the object initializer of a recognised type, into <paramref name="target"/>.</summary>
    private void Fill(ModelObject target, IObjectCreationOperation creation, SdkShape shape, ResourceModel? resource)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null || !shape.ConstructorParameters.TryGetValue(argument.Parameter.Name, out var path) || path == "@symbol")
            {
                continue;
            }

            var value = Lower(argument.Value);
            if (path.Length == 0)
            {
                if (value is ModelObject merged)
                {
                    target.MergeFrom(merged);
                }

                continue;
            }

            target.Set(path, value, SpanOf(argument.Syntax));
        }

        if (creation.Initializer is not null)
        {
            FillInitializer(target, creation.Initializer, shape);
        }
    }

    private void FillInitializer(ModelObject target, IObjectOrCollectionInitializerOperation initializer, SdkShape shape)
    {
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when shape.Properties.TryGetValue(property.Property.Name, out var path):
                    target.Set(path, Lower(assignment.Value), SpanOf(assignment.Target.Syntax));
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation dependsOn } dependencies
                    when IsDependsOn(dependsOn.Property) && FindResource(target) is { } dependent:
                    foreach (var add in dependencies.Initializer.Initializers)
                    {
                        if (add is IInvocationOperation { Arguments.Length: 1 } one)
                        {
                            AddDependency(dependent, one.Arguments[0].Value);
                        }
                    }

                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } nested
                    when shape.Properties.TryGetValue(member.Property.Name, out var nestedPath):
                    FillMember(target, nestedPath, member, nested.Initializer);
                    break;
            }
        }
    }

    /// <summary><c>Sku = { Name = ... }</c> (a nested object) or <c>Keys = { a, b }</c> (a collection) or <c>Ids = { { key, value } }</c> (a dictionary).</summary>
    private void FillMember(ModelObject target, string path, IPropertyReferenceOperation member, IObjectOrCollectionInitializerOperation initializer)
    {
        var span = SpanOf(member.Syntax);
        if (Shape(member.Type) is { } nestedShape)
        {
            FillInitializer(target.GetOrCreate(path, span), initializer, nestedShape);
            return;
        }

        if (IsDictionaryInitializer(initializer))
        {
            var dictionary = target.GetOrCreate(path, span);
            AddEntries(dictionary, initializer);
            return;
        }

        // A finding about the items (CMK004's key permissions) points at the braces that list them, not at the property name.
        var array = target.GetOrCreateArray(path, span, SpanOf(initializer.Syntax));
        foreach (var item in initializer.Initializers)
        {
            if (item is IInvocationOperation { Arguments.Length: 1 } add)
            {
                array.Items.Add(Lower(add.Arguments[0].Value));
            }
        }
    }

    private static bool IsDictionaryInitializer(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            if (item is IInvocationOperation { Arguments.Length: 2 } || item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } })
            {
                return true;
            }
        }

        return false;
    }

    private void AddEntries(ModelObject dictionary, IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case IInvocationOperation { Arguments.Length: 2 } add:
                    AddEntry(dictionary, add.Arguments[0].Value, add.Arguments[1].Value);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                    AddEntry(dictionary, indexer.Arguments[0].Value, assignment.Value);
                    break;
            }
        }
    }

    private void AddEntry(ModelObject dictionary, IOperation key, IOperation value)
    {
        var keySpan = SpanOf(key.Syntax);
        var keyValue = Lower(key);
        var lowered = Lower(value);
        if (keyValue is LiteralExpr { Value: string name })
        {
            // Dictionary keys are names, not paths: a resource ID's dots are not nesting.
            dictionary.Add(name, null, lowered, keySpan);
        }
        else
        {
            dictionary.Add(key.Syntax.ToString(), keyValue as Expr ?? Unknown(key), lowered, keySpan);
        }
    }

    // ---- later statements ------------------------------------------------------------------

    /// <summary><c>registry.Sku = ...</c>, <c>registry.Encryption.Status = ...</c>, <c>props.EnablePurgeProtection = ...</c>.</summary>
    private void Assign(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation property || property.Instance is null)
        {
            return;
        }

        var shape = SdkShapes.Find(MetadataName(property.Property.ContainingType));
        if (shape is null || !shape.Properties.TryGetValue(property.Property.Name, out var path))
        {
            return;
        }

        if (shape.IsUpdate)
        {
            if (path == "properties.encryption")
            {
                ReportUpdate(assignment.Value, SpanOf(assignment.Syntax));
            }

            return;
        }

        var owner = ObjectOf(property.Instance);
        owner?.Set(path, Lower(assignment.Value), SpanOf(assignment.Target.Syntax));
    }

    private void Invoke(IInvocationOperation invocation)
    {
        string name = invocation.TargetMethod.Name;
        string container = MetadataName(invocation.TargetMethod.ContainingType);
        if (name == "CreateRoleAssignment" && invocation.Instance is not null && invocation.Arguments.Length >= 2)
        {
            RoleAssignment(invocation);
        }
        else if ((name == "CreateOrUpdate" || name == "CreateOrUpdateAsync") && invocation.Arguments.Length >= 3)
        {
            // Azure.ResourceManager: the name argument names the resource its data object declares.
            if (ObjectOf(invocation.Arguments[2].Value) is { } body && FindResource(body) is { } resource && body.Get("name") is null)
            {
                resource.Body.Set("name", Lower(invocation.Arguments[1].Value), SpanOf(invocation.Arguments[1].Syntax));
            }
        }
        else if (name == "Add" && invocation.Instance is IPropertyReferenceOperation dependsOn && invocation.Arguments.Length == 1 && IsDependsOn(dependsOn.Property)
            && dependsOn.Instance is not null && ResourceBehind(dependsOn.Instance) is { } dependent)
        {
            // registry.DependsOn.Add(grant): Azure.Provisioning writes it as the resource's dependsOn (CMK010).
            AddDependency(dependent, invocation.Arguments[0].Value);
        }
        else if (name == "Add" && invocation.Instance is IPropertyReferenceOperation list && invocation.Arguments.Length == 1
            && SdkShapes.Find(MetadataName(list.Property.ContainingType)) is { } shape && shape.Properties.TryGetValue(list.Property.Name, out var path)
            && list.Instance is not null && ObjectOf(list.Instance) is { } owner)
        {
            // vault.Properties.AccessPolicies.Add(new KeyVaultAccessPolicy { ... })
            owner.GetOrCreateArray(path, SpanOf(list.Syntax)).Items.Add(Lower(invocation.Arguments[0].Value));
        }
        else if (name == "FromExisting" && Shape(invocation.TargetMethod.ReturnType) is { ResourceType: not null } existingShape && container == existingShape.MetadataName)
        {
            ExistingResource(invocation, existingShape);
        }
    }

    private ResourceModel? FindResource(ModelObject body)
    {
        foreach (var r in resources)
        {
            if (ReferenceEquals(r.Body, body))
            {
                return r;
            }
        }

        return null;
    }

    private ResourceModel ExistingResource(IInvocationOperation invocation, SdkShape shape)
    {
        if (resourceByNode.TryGetValue(invocation.Syntax, out var known))
        {
            return known;
        }

        string? identifier = invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue.Value is string s ? s : null;
        var resource = new ResourceModel(shape.ResourceType!, SpanOf(invocation.Syntax), SpanOf(invocation.Syntax), new ModelObject(SpanOf(invocation.Syntax)))
        {
            Existing = true,
        };
        resource.Symbol = UniqueSymbol(identifier ?? "existing");
        resourceByNode[invocation.Syntax] = resource;
        objectByNode[invocation.Syntax] = resource.Body;
        resources.Add(resource);
        return resource;
    }

    /// <summary>Azure.Provisioning's <c>ProvisionableResource.DependsOn</c> (1.0 and 1.1): the explicit dependencies it writes into the Bicep.</summary>
    private static bool IsDependsOn(IPropertySymbol property) =>
        property.Name == "DependsOn" && MetadataName(property.ContainingType) == "Azure.Provisioning.Primitives.ProvisionableResource";

    private void AddDependency(ResourceModel dependent, IOperation dependency)
    {
        if (ResourceBehind(dependency) is { } resource && !ReferenceEquals(resource, dependent) && !dependent.DependsOn.Contains(resource))
        {
            dependent.DependsOn.Add(resource);
        }
    }

    /// <summary><c>vault.CreateRoleAssignment(KeyVaultBuiltInRole.X, identity)</c>: a role assignment scoped to the vault for the identity's principal ID.</summary>
    private ResourceModel? RoleAssignment(IInvocationOperation invocation)
    {
        if (resourceByNode.TryGetValue(invocation.Syntax, out var known))
        {
            return known;
        }

        var vault = ResourceBehind(invocation.Instance!);
        if (vault is null)
        {
            return null;
        }

        var span = SpanOf(invocation.Syntax);
        var roleArgument = invocation.Arguments[0].Value;
        var identityArgument = invocation.Arguments[1].Value;
        var identity = ResourceBehind(identityArgument);
        Expr roleId = RoleName(roleArgument) is string role && SdkShapes.RoleIds.TryGetValue(role, out var guid)
            ? new CallExpr(SpanOf(roleArgument.Syntax), "subscriptionResourceId", new Expr[] { new LiteralExpr(SpanOf(roleArgument.Syntax), "Microsoft.Authorization/roleDefinitions"), new LiteralExpr(SpanOf(roleArgument.Syntax), guid) })
            : Unknown(roleArgument);
        Expr principal = identity is null ? Unknown(identityArgument) : Reference(identity, "properties.principalId", SpanOf(identityArgument.Syntax));
        var body = new ModelObject(span);
        body.Set("properties.roleDefinitionId", roleId, SpanOf(roleArgument.Syntax));
        body.Set("properties.principalId", principal, SpanOf(identityArgument.Syntax));
        body.Set("properties.principalType", new LiteralExpr(span, "ServicePrincipal"), span);
        var resource = new ResourceModel(SdkShapes.RoleAssignmentType, span, span, body)
        {
            Scope = new SymbolExpr(SpanOf(invocation.Instance!.Syntax), SymbolKind.Resource, vault.Symbol),
        };
        resource.Symbol = UniqueSymbol(vault.Symbol + "_" + (identity?.Symbol ?? "identity") + "_role");
        resources.Add(resource);
        resourceByNode[invocation.Syntax] = resource;
        objectByNode[invocation.Syntax] = body;
        return resource;
    }

    private static string? RoleName(IOperation role) => Strip(role) switch
    {
        IPropertyReferenceOperation p when p.Property.IsStatic => p.Property.Name,
        IFieldReferenceOperation f when f.Field.IsStatic => f.Field.Name,
        _ => null,
    };

    // ---- CMK007: encryption through an update --------------------------------------------

    private void CheckUpdate(IObjectCreationOperation creation)
    {
        if (creation.Initializer is null)
        {
            return;
        }

        foreach (var item in creation.Initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Encryption" } } assignment)
            {
                ReportUpdate(assignment.Value, SpanOf(assignment.Syntax));
            }
            else if (item is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Encryption" } } member)
            {
                var encryption = new ModelObject(SpanOf(member.Syntax));
                if (Shape(member.InitializedMember.Type) is { } shape)
                {
                    FillInitializer(encryption, member.Initializer, shape);
                }

                ReportUpdate(encryption, SpanOf(member.Syntax));
            }
        }
    }

    private void ReportUpdate(IOperation value, SourceSpan span) => ReportUpdate(Lower(value), span);

    private void ReportUpdate(object encryption, SourceSpan span)
    {
        // Setting encryption to disabled, or to nothing, in an update does not enable a CMK.
        if (encryption is LiteralExpr { Value: null })
        {
            return;
        }

        if (encryption is ModelObject o && o.Get("status") is LiteralExpr { Value: string status } && string.Equals(status, "disabled", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        EncryptionUpdates.Add((span, "Encryption is set through a registry update (ContainerRegistryPatch.Encryption); a customer-managed key can only be enabled when the registry is created."));
    }

    // ---- values ----------------------------------------------------------------------------

    /// <summary>The model object an operation stands for (a resource body or a nested model), or null.</summary>
    private ModelObject? ObjectOf(IOperation operation)
    {
        operation = Strip(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return LocalValue(local) as ModelObject;
            case IObjectCreationOperation creation:
                return Lower(creation) as ModelObject;
            case IInvocationOperation invocation when invocation.TargetMethod.Name == "FromExisting" || invocation.TargetMethod.Name == "CreateRoleAssignment":
                return Lower(invocation) as ModelObject;
            case IPropertyReferenceOperation property when property.Instance is not null:
                var shape = SdkShapes.Find(MetadataName(property.Property.ContainingType));
                if (shape is not null && shape.Properties.TryGetValue(property.Property.Name, out var path) && ObjectOf(property.Instance) is { } owner)
                {
                    return owner.GetOrCreate(path, SpanOf(property.Syntax));
                }

                return null;
            default:
                return null;
        }
    }

    private ResourceModel? ResourceBehind(IOperation operation) => ObjectOf(operation) is { } body ? FindResource(body) : null;

    private object? LocalValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (localValues.TryGetValue(local, out var known))
        {
            return known;
        }

        if (!resolving.Add(local))
        {
            return null;
        }

        object? value = null;
        try
        {
            var declarator = local.DeclaringSyntaxReferences.Length == 1 ? local.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax : null;
            var model = reference.SemanticModel;
            if (declarator?.Initializer is { } initializer && model is not null && ReferenceEquals(initializer.SyntaxTree, model.SyntaxTree))
            {
                var operation = model.GetOperation(initializer.Value);
                if (operation is not null)
                {
                    value = Lower(operation);
                }
            }

            if (value is not ModelObject && Shape(local.Type) is { ResourceType: not null } shape && !shape.IsUpdate && declarator is not null)
            {
                // A resource made elsewhere (Aspire's infra.GetProvisionableResources().OfType<T>().Single()):
                // what this code sets is known, the rest is not.
                value = AdoptedResource(declarator, shape).Body;
            }
        }
        finally
        {
            resolving.Remove(local);
        }

        localValues[local] = value;
        return value;
    }

    private ResourceModel AdoptedResource(VariableDeclaratorSyntax declarator, SdkShape shape)
    {
        if (resourceByNode.TryGetValue(declarator, out var known))
        {
            return known;
        }

        var span = SpanOf(declarator);
        var body = new ModelObject(span)
        {
            OpenBecause = new UnsupportedExpr(span, $"'{declarator.Initializer?.Value.ToString() ?? declarator.Identifier.ValueText}' (a resource made outside the analysed code)"),
        };
        var resource = new ResourceModel(shape.ResourceType!, span, file.Span(declarator.Identifier.SpanStart, declarator.Identifier.Span.Length), body);
        resource.Symbol = UniqueSymbol(declarator.Identifier.ValueText);
        resourceByNode[declarator] = resource;
        resources.Add(resource);
        return resource;
    }

    /// <summary>Lowers a C# value: an <see cref="Expr"/>, or a <see cref="ModelObject"/>/<see cref="ModelArray"/> for SDK models and collections.</summary>
    private object Lower(IOperation operation)
    {
        if (depth > MaxDepth)
        {
            return Unknown(operation);
        }

        depth++;
        try
        {
            return LowerCore(Strip(operation));
        }
        finally
        {
            depth--;
        }
    }

    private object LowerCore(IOperation operation)
    {
        var span = SpanOf(operation.Syntax);
        switch (operation)
        {
            case IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } enumField:
                return new LiteralExpr(span, EnumText(enumField.Field.ContainingType, enumField.Field.Name));
            case IPropertyReferenceOperation { Property.IsStatic: true } extensibleEnum
                when SymbolEqualityComparer.Default.Equals(extensibleEnum.Property.Type, extensibleEnum.Property.ContainingType):
                // Azure.ResourceManager and Pulumi enums are structs with a static property per value.
                return new LiteralExpr(span, EnumText(extensibleEnum.Property.ContainingType, extensibleEnum.Property.Name));
            case { ConstantValue.HasValue: true }:
                return Constant(operation, span);
            case IObjectCreationOperation creation:
                return LowerCreation(creation, span);
            case ILocalReferenceOperation local:
                return LocalValue(local) ?? Unknown(operation);
            case IParameterReferenceOperation parameter:
                return Parameter(parameter.Parameter.Name, parameter.Parameter.DeclaringSyntaxReferences.Length > 0 ? parameter.Parameter.DeclaringSyntaxReferences[0].GetSyntax() : null, span);
            case IPropertyReferenceOperation property when property.Instance is not null:
                return PropertyValue(property, span);
            case IInterpolatedStringOperation interpolated:
                return Interpolation(interpolated, span);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concat when concat.Type?.SpecialType == SpecialType.System_String:
                return new CallExpr(span, "concat", new Expr[] { AsExpr(concat.LeftOperand), AsExpr(concat.RightOperand) });
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, span);
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                var array = new ModelArray(span);
                foreach (var element in arrayInitializer.ElementValues)
                {
                    array.Items.Add(Lower(element));
                }

                return array;
            default:
                return Unknown(operation);
        }
    }

    private object LowerCreation(IObjectCreationOperation creation, SourceSpan span)
    {
        var shape = Shape(creation.Type);
        if (shape is not null && !shape.IsUpdate)
        {
            if (shape.ResourceType is not null)
            {
                return ResourceOf(creation, shape).Body;
            }

            if (objectByNode.TryGetValue(creation.Syntax, out var known))
            {
                return known;
            }

            var model = new ModelObject(span);
            objectByNode[creation.Syntax] = model;
            Fill(model, creation, shape, null);
            return model;
        }

        string typeName = creation.Type is null ? string.Empty : MetadataName(creation.Type);
        if (typeName == "Azure.Provisioning.ProvisioningParameter" && ConstantArgument(creation, "bicepIdentifier") is string parameterName)
        {
            return Parameter(parameterName, creation.Syntax, span);
        }

        // Wrappers of one value: new ResourceIdentifier(id), new Uri(uri), new Guid(text), new AzureLocation(name).
        if (creation.Arguments.Length == 1 && creation.Initializer is null
            && (typeName == "Azure.Core.ResourceIdentifier" || typeName == "System.Uri" || typeName == "System.Guid" || typeName == "Azure.Core.AzureLocation"))
        {
            return Lower(creation.Arguments[0].Value);
        }

        if (creation.Initializer is not null && creation.Arguments.Length == 0)
        {
            // A collection of its own (new List<T> { ... }, new Dictionary<K, V> { ... }).
            if (IsDictionaryInitializer(creation.Initializer))
            {
                var dictionary = new ModelObject(span);
                AddEntries(dictionary, creation.Initializer);
                return dictionary;
            }

            bool allAdds = creation.Initializer.Initializers.Length > 0;
            var array = new ModelArray(span);
            foreach (var item in creation.Initializer.Initializers)
            {
                if (item is IInvocationOperation { Arguments.Length: 1 } add)
                {
                    array.Items.Add(Lower(add.Arguments[0].Value));
                }
                else
                {
                    allAdds = false;
                }
            }

            if (allAdds)
            {
                return array;
            }
        }

        return Unknown(creation);
    }

    /// <summary>A property read: an output of a resource (<c>identity.ClientId</c>) becomes a reference to it; a set model property its value.</summary>
    private object PropertyValue(IPropertyReferenceOperation property, SourceSpan span)
    {
        if (ReferencePath(property) is { } reference)
        {
            return Reference(reference.Resource, reference.Path, span);
        }

        // Azure.Provisioning 1.0: x.Value of a BicepValue<T>.
        if (property.Property.Name == "Value" && property.Instance is not null && property.Instance.Type is INamedTypeSymbol wrapper && IsWrapper(wrapper.OriginalDefinition))
        {
            return Lower(property.Instance);
        }

        return Unknown(property);
    }

    /// <summary>The resource and ARM path a chain of property reads names: <c>vault.Properties.VaultUri</c> → (vault, properties.vaultUri).</summary>
    private (ResourceModel Resource, string Path)? ReferencePath(IPropertyReferenceOperation property)
    {
        var instance = Strip(property.Instance!);
        var shape = SdkShapes.Find(MetadataName(property.Property.ContainingType));
        if (shape is null)
        {
            return null;
        }

        if (shape.ResourceType is not null && shape.Outputs.TryGetValue(property.Property.Name, out var output) && ResourceBehind(instance) is { } resource)
        {
            return (resource, output);
        }

        if (instance is IPropertyReferenceOperation inner && ReferencePath(inner) is { } parent)
        {
            if (shape.Outputs.TryGetValue(property.Property.Name, out var nestedOutput) || shape.Properties.TryGetValue(property.Property.Name, out nestedOutput))
            {
                return (parent.Resource, parent.Path + "." + nestedOutput);
            }
        }

        if (instance is not IPropertyReferenceOperation && shape.ResourceType is not null && shape.Properties.TryGetValue(property.Property.Name, out var own) && ResourceBehind(instance) is { } owner)
        {
            return (owner, own);
        }

        return null;
    }

    private static Expr Reference(ResourceModel resource, string path, SourceSpan span)
    {
        Expr current = new SymbolExpr(span, SymbolKind.Resource, resource.Symbol);
        foreach (var segment in path.Split('.'))
        {
            current = new PropertyAccessExpr(span, current, segment);
        }

        return current;
    }

    private object LowerInvocation(IInvocationOperation invocation, SourceSpan span)
    {
        var method = invocation.TargetMethod;
        string container = MetadataName(method.ContainingType);
        if ((container == "Azure.Provisioning.BicepFunction" && method.Name == "Interpolate") || (container == "Pulumi.Output" && method.Name == "Format"))
        {
            return invocation.Arguments.Length == 1 ? Lower(invocation.Arguments[0].Value) : Unknown(invocation);
        }

        // Conversions that keep the value: .Compile(), .ToString(), .ToBicepExpression(), .Apply(x => x) is not one.
        if ((method.Name == "ToString" || method.Name == "Compile" || method.Name == "ToBicepExpression") && invocation.Arguments.Length == 0 && invocation.Instance is not null)
        {
            return Lower(invocation.Instance);
        }

        if (method.Name == "ToBicepExpression" && method.IsExtensionMethod && invocation.Arguments.Length == 1)
        {
            return Lower(invocation.Arguments[0].Value);
        }

        if (method.Name == "FromExisting" && Shape(method.ReturnType) is { ResourceType: not null } shape)
        {
            return ExistingResource(invocation, shape).Body;
        }

        // var grant = vault.CreateRoleAssignment(...): the local is the role assignment (registry.DependsOn.Add(grant)).
        if (method.Name == "CreateRoleAssignment" && invocation.Instance is not null && invocation.Arguments.Length >= 2 && RoleAssignment(invocation) is { } roleAssignment)
        {
            return roleAssignment.Body;
        }

        return Unknown(invocation);
    }

    private Expr Interpolation(IInterpolatedStringOperation interpolated, SourceSpan span)
    {
        var parts = new List<Expr>();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s:
                    parts.Add(new LiteralExpr(SpanOf(text.Syntax), s));
                    break;
                case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                    parts.Add(AsExpr(hole.Expression));
                    break;
                default:
                    parts.Add(Unknown(part));
                    break;
            }
        }

        return parts.Count == 1 ? parts[0] : new CallExpr(span, "concat", parts);
    }

    private Expr AsExpr(IOperation operation) => Lower(operation) as Expr ?? Unknown(operation);

    private Expr Parameter(string name, SyntaxNode? declaration, SourceSpan use)
    {
        if (!template.Parameters.ContainsKey(name))
        {
            var span = declaration is not null && ReferenceEquals(declaration.SyntaxTree.FilePath, null) == false && declaration.SyntaxTree.FilePath == file.Path ? SpanOf(declaration) : use;
            template.Parameters[name] = new ParameterDeclaration(name, span) { Type = "string" };
        }

        return new SymbolExpr(use, SymbolKind.Parameter, name);
    }

    private static object Constant(IOperation operation, SourceSpan span)
    {
        object? value = operation.ConstantValue.Value;
        return value switch
        {
            null => new LiteralExpr(span, null),
            string or bool or long or double => new LiteralExpr(span, value),
            int i => new LiteralExpr(span, (long)i),
            short or byte or sbyte or ushort or uint => new LiteralExpr(span, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            float f => new LiteralExpr(span, (double)f),
            char c => new LiteralExpr(span, c.ToString()),
            _ => new UnsupportedExpr(span, $"the constant '{operation.Syntax}'"),
        };
    }

    /// <summary>The ARM spelling of an SDK enum value: names as ARM writes them, key permissions in camel case.</summary>
    private static string EnumText(INamedTypeSymbol type, string member)
    {
        if (member == "SystemAssignedUserAssigned" || member == "SystemAssigned_UserAssigned")
        {
            return "SystemAssigned, UserAssigned";
        }

        if (type.Name == "IdentityAccessKeyPermission" || type.Name == "KeyPermissions")
        {
            return char.ToLowerInvariant(member[0]) + member.Substring(1);
        }

        return member;
    }

    private UnsupportedExpr Unknown(IOperation operation)
    {
        string text = operation.Syntax.ToString();
        if (text.Length > 80)
        {
            text = text.Substring(0, 77) + "...";
        }

        return new UnsupportedExpr(SpanOf(operation.Syntax), $"the C# expression '{text}' (not a compile-time constant)");
    }

    /// <summary>Implicit and explicit conversions (<c>BicepValue&lt;T&gt;</c>, <c>Input&lt;T&gt;</c>, nullable), parentheses, <c>await</c> and <c>!</c> do not change the value.</summary>
    private static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>A resource being assembled.</summary>
    private sealed class ResourceModel
    {
        public ResourceModel(string type, SourceSpan span, SourceSpan nameSpan, ModelObject body)
        {
            Type = type;
            Span = span;
            NameSpan = nameSpan;
            Body = body;
        }

        public string Type { get; }

        public SourceSpan Span { get; }

        public SourceSpan NameSpan { get; }

        public ModelObject Body { get; }

        public string Symbol { get; set; } = string.Empty;

        public string? ApiVersion { get; set; }

        public bool Existing { get; set; }

        public Expr? Scope { get; set; }

        public bool IsSequential { get; set; }

        public List<ResourceModel> DependsOn { get; } = new();
    }
}

/// <summary>Span helpers for the lowering.</summary>
internal static class SourceSpanTrimming
{
    /// <summary>The span without trailing white space (the head of <c>new X(...) { ... }</c> before its initializer).</summary>
    public static SourceSpan Trimmed(this SourceSpan span)
    {
        if (span.File is null)
        {
            return span;
        }

        int end = span.End;
        while (end > span.Start && char.IsWhiteSpace(span.File.Text[end - 1]))
        {
            end--;
        }

        return new SourceSpan(span.File, span.Start, end - span.Start);
    }
}
