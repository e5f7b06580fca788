using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>Registry updates (<c>ContainerRegistryPatch</c>) that set encryption, lowered to updates of an existing registry (CMK007).</summary>
internal sealed partial class InfrastructureLowering
{
    private const string RegistryType = "Microsoft.ContainerRegistry/registries";

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

    /// <summary>
    /// The update becomes what it is in the model: an update of a registry that already exists, carrying
    /// the encryption it sets. CMK007 decides on it with the other earlier states of a registry.
    /// </summary>
    private void ReportUpdate(object encryption, SourceSpan span)
    {
        var body = new ModelObject(span);
        body.Set("properties.encryption", encryption, span);
        var update = new ResourceModel(RegistryType, span, span, body) { Existing = true, IsUpdate = true };
        update.Symbol = UniqueSymbol("registry_update");
        resources.Add(update);
    }
}
