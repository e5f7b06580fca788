using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>Constructor arguments, object, collection and dictionary initializers of SDK models.</summary>
internal sealed partial class InfrastructureLowering
{
    /// <summary>Constructor arguments and the object initializer of a recognised type, into <paramref name="target"/>.</summary>
    private void Fill(ModelObject target, IObjectCreationOperation creation, SdkShape shape, ResourceModel? resource)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null || !shape.ConstructorParameters.TryGetValue(argument.Parameter.Name, out var path) || path.StartsWith("@", StringComparison.Ordinal))
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

    private void AddEntry(ModelObject dictionary, IOperation key, IOperation value) => AddEntry(dictionary, key, Lower(value));

    private void AddEntry(ModelObject dictionary, IOperation key, object lowered)
    {
        var keySpan = SpanOf(key.Syntax);
        var keyValue = Lower(key);
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
}
