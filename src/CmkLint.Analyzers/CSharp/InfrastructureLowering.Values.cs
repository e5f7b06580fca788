using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>C# values: constants, enums, outputs of resources, interpolations, locals and the objects behind them.</summary>
internal sealed partial class InfrastructureLowering
{
    /// <summary>The model object an operation stands for (a resource body or a nested model), or null.</summary>
    private ModelObject? ObjectOf(IOperation operation)
    {
        operation = Strip(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation property when property.Instance is not null && IsPassThrough(property.Property):
                return ObjectOf(property.Instance);
            case IPropertyReferenceOperation property when property.Instance is not null
                && SdkShapes.Find(MetadataName(property.Property.ContainingType)) is { } shape && shape.Properties.TryGetValue(property.Property.Name, out var path):
                return ObjectOf(property.Instance) is { } owner ? NestedObject(owner, path, property.Syntax) : null;
            case IPropertyReferenceOperation or IInvocationOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IObjectCreationOperation:
                return Lower(operation) as ModelObject;
            default:
                return null;
        }
    }

    /// <summary>The nested model at a path, made when absent; one written under a condition cannot be written through, so it is left open.</summary>
    private ModelObject NestedObject(ModelObject owner, string path, SyntaxNode syntax)
    {
        if (owner.Find(path) is ModelConditional conditional)
        {
            var open = new ModelObject(SpanOf(syntax)) { OpenBecause = new UnsupportedExpr(conditional.Span, "a value set under a condition") };
            owner.Set(path, open, SpanOf(syntax));
            return open;
        }

        return owner.GetOrCreate(path, SpanOf(syntax));
    }

    /// <summary>Properties that hand on the same resource: <c>ArmOperation&lt;T&gt;.Value</c>, <c>Response&lt;T&gt;.Value</c>, a resource's <c>Data</c>.</summary>
    private static bool IsPassThrough(IPropertySymbol property)
    {
        string container = MetadataName(property.ContainingType.OriginalDefinition);
        return (property.Name == "Value" && (container == "Azure.ArmOperation`1" || container == "Azure.Response`1" || container == "Azure.Provisioning.BicepValue`1"))
            || (property.Name == "Data" && (container == "Azure.ResourceManager.ContainerRegistry.ContainerRegistryResource" || container == "Azure.ResourceManager.KeyVault.KeyVaultResource"));
    }

    private readonly HashSet<(SyntaxNode Node, int Frame)> updatesChecked = new();

    private ResourceModel? ResourceBehind(IOperation operation) => ObjectOf(operation) is { } body ? FindResource(body) : null;

    /// <summary>Lowers a C# value: an <see cref="Expr"/>, or a <see cref="ModelObject"/>/<see cref="ModelArray"/> for SDK models and collections.</summary>
    private object Lower(IOperation operation)
    {
        if (depth > MaxDepth || !Step())
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
                return ParameterValue(parameter, span);
            case IFieldReferenceOperation field when IsOwnStorage(field.Field):
                return StoredValue(field.Field, field.Type!, field) ?? Unknown(operation);
            case IPropertyReferenceOperation property when IsOwnStorage(property.Property):
                return StoredValue(property.Property, property.Type!, property) ?? Unknown(operation);
            case IPropertyReferenceOperation property when property.Property.GetMethod is { } getter && IsReadable(getter):
                return Inline(property, getter) ?? Unknown(operation);
            case IPropertyReferenceOperation property when property.Instance is not null:
                return PropertyValue(property, span);
            case IDelegateCreationOperation or IAnonymousFunctionOperation when Lambda(operation) is { } lambda:
                return new DelegateValue(lambda, frame);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return AsExpr(not.Operand) is LiteralExpr { Value: bool b } ? new LiteralExpr(span, !b) : ModelConditional.Not(AsExpr(not.Operand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } logical:
                return Logical(logical, span);
            case IConditionalOperation ternary when ternary.WhenFalse is not null:
                var test = AsExpr(ternary.Condition);
                if (test is LiteralExpr { Value: bool taken })
                {
                    return Lower(taken ? ternary.WhenTrue : ternary.WhenFalse);
                }

                return new ModelConditional(test, Lower(ternary.WhenTrue), Lower(ternary.WhenFalse), span);
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

            if (objectByNode.TryGetValue((creation.Syntax, frame.Id), out var known))
            {
                return known;
            }

            var model = new ModelObject(span);
            objectByNode[(creation.Syntax, frame.Id)] = model;
            Fill(model, creation, shape, null);
            return model;
        }

        if (shape is { IsUpdate: true } && updatesChecked.Add((creation.Syntax, frame.Id)))
        {
            CheckUpdate(creation);
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
        if (IsPassThrough(property.Property) && property.Instance is not null)
        {
            return Lower(property.Instance);
        }

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
        while (instance is IPropertyReferenceOperation { Instance: not null } passed && IsPassThrough(passed.Property))
        {
            instance = Strip(passed.Instance);
        }

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
        string container = MetadataName(method.ContainingType.OriginalDefinition);
        if (IsReadable(method))
        {
            return Inline(invocation) ?? Unknown(invocation);
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return InvokeDelegate(invocation) ?? Unknown(invocation);
        }

        // Pulumi: output.Apply(v => ...) is the lambda's value for the output's value; Output.Create(x) is x.
        if (method.Name == "Apply" && (container == "Pulumi.Output`1" || container == "Pulumi.Input`1") && invocation.Instance is not null
            && invocation.Arguments.Length == 1 && Lambda(invocation.Arguments[0].Value) is { } apply)
        {
            return CallLambda(apply, Lower(invocation.Instance)) ?? Unknown(invocation);
        }

        if (method.Name == "Create" && container == "Pulumi.Output" && invocation.Arguments.Length == 1)
        {
            return Lower(invocation.Arguments[0].Value);
        }

        // Azure.ResourceManager: CreateOrUpdate(wait, name, data) is the resource the data declares, named by the name argument.
        if ((method.Name == "CreateOrUpdate" || method.Name == "CreateOrUpdateAsync") && invocation.Arguments.Length >= 3 && ObjectOf(invocation.Arguments[2].Value) is { } data)
        {
            if (FindResource(data) is { } created && data.Get("name") is null)
            {
                created.Body.Set("name", Lower(invocation.Arguments[1].Value), SpanOf(invocation.Arguments[1].Syntax));
            }

            return data;
        }
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

        CallBack(invocation);
        EscapeArguments(invocation);
        if (Shape(method.ReturnType) is { ResourceType: not null, IsUpdate: false } made)
        {
            // A resource from a call the analyzer cannot see into (Aspire's GetProvisionableResources().OfType<T>().Single()).
            string name = invocation.Syntax.Parent?.Parent is VariableDeclaratorSyntax declarator ? declarator.Identifier.ValueText : method.ReturnType.Name;
            return AdoptedResource(invocation.Syntax, made, name).Body;
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

    private Expr AsExpr(IOperation operation) => Lower(operation) switch
    {
        Expr e => e,
        ModelConditional c => ModelObject.ToExpr(c, new HashSet<object>()),
        _ => Unknown(operation),
    };

    private Expr Logical(IBinaryOperation logical, SourceSpan span)
    {
        var left = AsExpr(logical.LeftOperand);
        var right = AsExpr(logical.RightOperand);
        return logical.OperatorKind switch
        {
            BinaryOperatorKind.ConditionalAnd => new CallExpr(span, "and", new[] { left, right }),
            BinaryOperatorKind.ConditionalOr => new CallExpr(span, "or", new[] { left, right }),
            BinaryOperatorKind.Equals => new CallExpr(span, "equals", new[] { left, right }),
            _ => ModelConditional.Not(new CallExpr(span, "equals", new[] { left, right })),
        };
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation operation) => Strip(operation) switch
    {
        IAnonymousFunctionOperation lambda => lambda,
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
        _ => null,
    };

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
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    break;
                default:
                    return operation;
            }
        }
    }
}
