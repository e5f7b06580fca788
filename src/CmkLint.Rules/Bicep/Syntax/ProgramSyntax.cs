using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The root of a Bicep syntax tree: the file's statements in source order.</summary>
internal sealed class ProgramSyntax : SyntaxNode
{
    public ProgramSyntax(SourceSpan span, IReadOnlyList<StatementSyntax> statements)
        : base(span)
    {
        Statements = statements;
    }

    /// <summary>Every statement that parsed far enough to know its kind, in source order.</summary>
    public IReadOnlyList<StatementSyntax> Statements { get; }

    public IReadOnlyList<ParameterDeclarationSyntax> Parameters => Of<ParameterDeclarationSyntax>();

    /// <summary>The <c>param name = value</c> assignments of a <c>.bicepparam</c> file.</summary>
    public IReadOnlyList<ParameterAssignmentSyntax> ParameterAssignments => Of<ParameterAssignmentSyntax>();

    public IReadOnlyList<VariableDeclarationSyntax> Variables => Of<VariableDeclarationSyntax>();

    /// <summary>The top-level resources; nested ones are in their parent's <see cref="ObjectSyntax.Resources"/>.</summary>
    public IReadOnlyList<ResourceDeclarationSyntax> Resources => Of<ResourceDeclarationSyntax>();

    public IReadOnlyList<ModuleDeclarationSyntax> Modules => Of<ModuleDeclarationSyntax>();

    public IReadOnlyList<OutputDeclarationSyntax> Outputs => Of<OutputDeclarationSyntax>();

    public IReadOnlyList<TypeDeclarationSyntax> Types => Of<TypeDeclarationSyntax>();

    public IReadOnlyList<FunctionDeclarationSyntax> Functions => Of<FunctionDeclarationSyntax>();

    public IReadOnlyList<ImportDeclarationSyntax> Imports => Of<ImportDeclarationSyntax>();

    public IReadOnlyList<ExtensionDeclarationSyntax> Extensions => Of<ExtensionDeclarationSyntax>();

    public IReadOnlyList<MetadataDeclarationSyntax> Metadata => Of<MetadataDeclarationSyntax>();

    /// <summary>The first <c>targetScope = ...</c>, or null (the scope is then <c>resourceGroup</c>).</summary>
    public TargetScopeSyntax? TargetScope => First<TargetScopeSyntax>();

    /// <summary>The <c>using</c> statement of a <c>.bicepparam</c> file, or null.</summary>
    public UsingDeclarationSyntax? Using => First<UsingDeclarationSyntax>();

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> GetChildren() => Statements;

    /// <summary>The statements of one kind, in source order.</summary>
    public IReadOnlyList<TStatement> Of<TStatement>()
        where TStatement : StatementSyntax
    {
        var list = new List<TStatement>();
        foreach (var statement in Statements)
        {
            if (statement is TStatement typed)
            {
                list.Add(typed);
            }
        }

        return list;
    }

    private TStatement? First<TStatement>()
        where TStatement : StatementSyntax
    {
        foreach (var statement in Statements)
        {
            if (statement is TStatement typed)
            {
                return typed;
            }
        }

        return null;
    }
}
