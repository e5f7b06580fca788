using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The result of parsing one Bicep file: the tree, every lexical and syntax error, and the pragmas.</summary>
internal sealed class BicepSyntaxTree
{
    internal BicepSyntaxTree(SourceFile file, BicepFileKind kind, ProgramSyntax root, IReadOnlyList<SyntaxDiagnostic> diagnostics, IReadOnlyList<PragmaSyntax> pragmas)
    {
        File = file;
        Kind = kind;
        Root = root;
        Diagnostics = diagnostics;
        Pragmas = pragmas;
    }

    public SourceFile File { get; }

    public BicepFileKind Kind { get; }

    public ProgramSyntax Root { get; }

    /// <summary>Lexical and syntax errors, ordered by position.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>The <c>#disable-next-line</c>, <c>#disable-diagnostics</c> and <c>#restore-diagnostics</c> directives, in source order.</summary>
    public IReadOnlyList<PragmaSyntax> Pragmas { get; }

    public bool HasErrors => Diagnostics.Count > 0;

    /// <summary>Tokens the parser read, counting those read again after error recovery backs up: the work done, for tests that bound it.</summary>
    internal long ParserSteps { get; init; }
}
