using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SymbolKind = CmkLint.Model.SymbolKind;

namespace CmkLint.Analyzers.CSharp;

/// <summary>Explicit dependencies (<c>DependsOn</c>) and role assignments (<c>CreateRoleAssignment</c>).</summary>
internal sealed partial class InfrastructureLowering
{
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
        if (resourceByNode.TryGetValue((invocation.Syntax, frame.Id), out var known))
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
        resourceByNode[(invocation.Syntax, frame.Id)] = resource;
        objectByNode[(invocation.Syntax, frame.Id)] = body;
        return resource;
    }

    private static string? RoleName(IOperation role) => Strip(role) switch
    {
        IPropertyReferenceOperation p when p.Property.IsStatic => p.Property.Name,
        IFieldReferenceOperation f when f.Field.IsStatic => f.Field.Name,
        _ => null,
    };
}
