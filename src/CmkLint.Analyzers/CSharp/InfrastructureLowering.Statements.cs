using CmkLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// Statements after construction: assignments to locals, fields and nested SDK properties
/// (<c>registry.Encryption.KeyVaultProperties.Identity = ...</c>), indexer sets, and calls (<c>Add</c>,
/// <c>Clear</c>, <c>DependsOn.Add</c>, <c>CreateRoleAssignment</c>, <c>FromExisting</c>, calls into the compilation).
/// </summary>
internal sealed partial class InfrastructureLowering
{
    private void Assign(ISimpleAssignmentOperation assignment)
    {
        var span = SpanOf(assignment.Target.Syntax);
        switch (assignment.Target)
        {
            case ILocalReferenceOperation local:
                TryGetLocal(local.Local, out var before);
                SetLocalWhereDeclared(local.Local, Conditioned(Lower(assignment.Value), before, span));
                return;
            case IFieldReferenceOperation field when IsOwnStorage(field.Field):
                Store(field.Field, Lower(assignment.Value), assignment.Target);
                return;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when indexer.Instance is not null:
                // identities[key] = value: an entry of a dictionary-valued model property; the last write of a key wins.
                if (CollectionOf(indexer.Instance) is ModelObject dictionary)
                {
                    AddEntry(dictionary, indexer.Arguments[0].Value, Conditioned(Lower(assignment.Value), null, span));
                }

                return;
            case IPropertyReferenceOperation property when IsOwnStorage(property.Property):
                Store(property.Property, Lower(assignment.Value), assignment.Target);
                return;
            case IPropertyReferenceOperation property when property.Instance is not null:
                AssignProperty(assignment, property, span);
                return;
        }
    }

    /// <summary><c>registry.Sku = ...</c>, <c>registry.Encryption.Status = ...</c>, <c>props.EnablePurgeProtection = ...</c>.</summary>
    private void AssignProperty(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property, CmkLint.Text.SourceSpan span)
    {
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

        if (ObjectOf(property.Instance!) is { } owner)
        {
            owner.Set(path, Conditioned(Lower(assignment.Value), owner.Find(path), span), span);
        }
    }

    private void Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        string name = method.Name;
        string container = MetadataName(method.ContainingType);
        if (name == "CreateRoleAssignment" && invocation.Instance is not null && invocation.Arguments.Length >= 2)
        {
            RoleAssignment(invocation);
        }
        else if (name == "Add" && invocation.Instance is IPropertyReferenceOperation dependsOn && invocation.Arguments.Length == 1 && IsDependsOn(dependsOn.Property)
            && dependsOn.Instance is not null && ResourceBehind(dependsOn.Instance) is { } dependent)
        {
            // registry.DependsOn.Add(grant): Azure.Provisioning writes it as the resource's dependsOn (CMK010).
            AddDependency(dependent, invocation.Arguments[0].Value);
        }
        else if (name == "Clear" && condition is null && invocation.Arguments.Length == 0 && Strip(invocation.Instance!) is IPropertyReferenceOperation { Instance: not null } cleared
            && SdkShapes.Find(MetadataName(cleared.Property.ContainingType)) is { } clearedShape && clearedShape.Properties.TryGetValue(cleared.Property.Name, out var clearedPath)
            && ObjectOf(cleared.Instance) is { } clearedOwner)
        {
            // An empty collection from here on: a finding about it points at the Clear() that emptied it.
            var span = SpanOf(cleared.Syntax);
            clearedOwner.Set(clearedPath, IsDictionary(cleared.Property.Type) ? new ModelObject(span) : new ModelArray(span), span);
        }
        else if ((name == "Add" || name == "Clear") && invocation.Instance is not null && !IsReadable(method) && CollectionOf(invocation.Instance) is { } collection)
        {
            WriteCollection(invocation, collection);
        }
        else if (name == "FromExisting" && Shape(method.ReturnType) is { ResourceType: not null } existingShape && container == existingShape.MetadataName)
        {
            ExistingResource(invocation, existingShape);
        }
        else
        {
            Lower(invocation);
        }
    }

    /// <summary><c>list.Add(item)</c>, <c>dictionary.Add(key, value)</c>, <c>Clear()</c>; under a condition each becomes conditional.</summary>
    private void WriteCollection(IInvocationOperation invocation, object collection)
    {
        var span = SpanOf(invocation.Syntax);
        switch (collection, invocation.TargetMethod.Name, invocation.Arguments.Length)
        {
            case (ModelArray array, "Add", 1):
                array.Items.Add(Conditioned(Lower(invocation.Arguments[0].Value), null, span));
                break;
            case (ModelObject dictionary, "Add", 2):
                AddEntry(dictionary, invocation.Arguments[0].Value, Conditioned(Lower(invocation.Arguments[1].Value), null, span));
                break;
            case (ModelArray array, "Clear", 0):
                array.Clear(condition);
                break;
            case (ModelObject dictionary, "Clear", 0):
                dictionary.Clear(condition);
                break;
        }
    }

    /// <summary>The list (a <see cref="ModelArray"/>) or dictionary (a <see cref="ModelObject"/>) an operation stands for: a collection-valued SDK property or a local holding one.</summary>
    private object? CollectionOf(IOperation instance)
    {
        instance = Strip(instance);
        if (instance is IPropertyReferenceOperation property && property.Instance is not null
            && SdkShapes.Find(MetadataName(property.Property.ContainingType)) is { } shape && shape.Properties.TryGetValue(property.Property.Name, out var path))
        {
            if (ObjectOf(property.Instance) is not { } owner)
            {
                return null;
            }

            return IsDictionary(property.Property.Type) ? NestedObject(owner, path, property.Syntax) : owner.GetOrCreateArray(path, SpanOf(property.Syntax));
        }

        return instance is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation && Lower(instance) is var value && value is ModelArray or ModelObject ? value : null;
    }

    private static bool IsDictionary(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol named && IsDictionaryDefinition(named))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (IsDictionaryDefinition(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDictionaryDefinition(INamedTypeSymbol type)
    {
        string name = MetadataName(type.OriginalDefinition);
        return name == "System.Collections.Generic.IDictionary`2" || name == "Azure.Provisioning.BicepDictionary`1" || name == "Pulumi.InputMap`1";
    }

    private void SetLocalWhereDeclared(ILocalSymbol local, object value)
    {
        for (var f = frame; f is not null; f = f.Parent)
        {
            if (f.Values.ContainsKey(local))
            {
                f.Values[local] = value;
                return;
            }
        }

        SetLocal(local, value);
    }

    /// <summary>Lambdas given to a call the analyzer does not see into run there (Aspire's <c>ConfigureInfrastructure</c>); other arguments are read for what they create.</summary>
    private void CallBack(IInvocationOperation invocation)
    {
        if (invocation.Instance is IInvocationOperation chained)
        {
            Lower(chained);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (Lambda(argument.Value) is { } lambda)
            {
                CallLambda(lambda);
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit && Lower(argument.Value) is DelegateValue held)
            {
                CallLambda(held.Lambda, held.Captured, System.Array.Empty<object?>());
            }
        }
    }
}
