using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// Fixes for C# infrastructure code where the fix is obvious: the Premium SKU (CMK001), the identity's
/// client ID instead of its principal ID (CMK003), purge protection on (CMK005), no content trust (CMK006).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CmkCodeFixProvider)), Shared]
public sealed class CmkCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("CMK001", "CMK003", "CMK005", "CMK006");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (diagnostic.Id)
            {
                case "CMK001":
                    Offer(context, diagnostic, root, "Use the Premium SKU", ReplaceValueName(node, "Premium"));
                    break;
                case "CMK003":
                    Offer(context, diagnostic, root, "Use the identity's client ID", ReplaceMemberName(node, "PrincipalId", "ClientId"));
                    break;
                case "CMK005":
                    await OfferPurgeProtectionAsync(context, diagnostic, root, node).ConfigureAwait(false);
                    break;
                case "CMK006":
                    Offer(context, diagnostic, root, "Remove content trust", RemoveTrustPolicy(root, node));
                    break;
            }
        }
    }

    private static void Offer(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, string title, SyntaxNode? newRoot)
    {
        if (newRoot is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), diagnostic.Id + ":" + title),
            diagnostic);
    }

    /// <summary><c>ContainerRegistrySkuName.Standard</c> → <c>.Premium</c> (enum, extensible enum struct or Pulumi value); <c>"Standard"</c> → <c>"Premium"</c>.</summary>
    private static SyntaxNode? ReplaceValueName(SyntaxNode node, string value)
    {
        var root = node.SyntaxTree.GetRoot();
        if (Unwrap(node) is MemberAccessExpressionSyntax access)
        {
            return root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(value).WithTriviaFrom(access.Name));
        }

        if (Unwrap(node) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(literal));
        }

        return null;
    }

    private static SyntaxNode? ReplaceMemberName(SyntaxNode node, string from, string to)
    {
        var access = node.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(a => a.Name.Identifier.ValueText == from);
        if (access is null)
        {
            return null;
        }

        return node.SyntaxTree.GetRoot().ReplaceNode(access.Name, SyntaxFactory.IdentifierName(to).WithTriviaFrom(access.Name));
    }

    /// <summary><c>EnablePurgeProtection = false</c> → <c>true</c>; when it is not set, add it to the vault properties' initializer.</summary>
    private static async Task OfferPurgeProtectionAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (Unwrap(node) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.FalseLiteralExpression))
        {
            Offer(context, diagnostic, root, "Enable purge protection", root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(literal)));
            return;
        }

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return;
        }

        var creation = PropertiesCreation(node, model, context.CancellationToken);
        if (creation is null)
        {
            return;
        }

        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("EnablePurgeProtection"),
            SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
        BaseObjectCreationExpressionSyntax updated = creation.Initializer is null
            ? creation.WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment)))
            : creation.WithInitializer(creation.Initializer.AddExpressions(assignment));
        Offer(context, diagnostic, root, "Enable purge protection", root.ReplaceNode(creation, updated.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation)));
    }

    /// <summary>The object creation, at or around the diagnostic, of a type with an <c>EnablePurgeProtection</c> property (the vault properties).</summary>
    private static BaseObjectCreationExpressionSyntax? PropertiesCreation(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var candidate in node.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>().Concat(node.Ancestors().OfType<BaseObjectCreationExpressionSyntax>()))
        {
            if (model.GetTypeInfo(candidate, cancellationToken).Type is { } type && type.GetMembers("EnablePurgeProtection").Length > 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Removes the <c>TrustPolicy = ...</c> assignment (an initializer element or a statement) that turns content trust on.</summary>
    private static SyntaxNode? RemoveTrustPolicy(SyntaxNode root, SyntaxNode node)
    {
        var assignment = node.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => LastName(a.Left) == "TrustPolicy");
        if (assignment is null)
        {
            return ReplaceValueName(node, "Disabled");
        }

        if (assignment.Parent is InitializerExpressionSyntax initializer)
        {
            return root.ReplaceNode(initializer, initializer.WithExpressions(initializer.Expressions.Remove(assignment)));
        }

        if (assignment.Parent is ExpressionStatementSyntax statement)
        {
            return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
        }

        return null;
    }

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static SyntaxNode Unwrap(SyntaxNode node) => node is ArgumentSyntax argument ? argument.Expression : node;
}
