using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>CMK007: encryption set through a registry update (<c>ContainerRegistryPatch</c>).</summary>
internal sealed partial class InfrastructureLowering
{
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
}
