using System;
using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>The recursive-descent Bicep parser. <see cref="Parse(SourceFile)"/> never throws: every error becomes a diagnostic.</summary>
/// <remarks>
/// The structure and the recovery strategy follow the Bicep compiler's own parser, so that errors are reported where
/// the compiler reports them: a construct that cannot be parsed becomes a <see cref="SkippedSyntax"/> spanning the
/// tokens skipped up to a construct-specific terminator (usually the end of the line), and parsing resumes there.
/// </remarks>
internal sealed partial class BicepParser
{
    // Deeper nesting is not written by people; stopping here keeps the call stack far from overflowing (which no
    // handler can catch) on adversarial input. Operator and member chains are loops and do not count.
    private const int MaxNestingDepth = NestingLimit.MaxDepth;

    /// <summary>Errors reported per file at most; a file with more is not worth reading error by error.</summary>
    internal const int MaxDiagnostics = 5000;

    private readonly SourceFile file;
    private readonly string text;
    private readonly Token[] tokens;
    private readonly BicepFileKind kind;
    private readonly List<SyntaxDiagnostic> diagnostics = new List<SyntaxDiagnostic>();
    private int position;
    private int depth;
    private int tooDeepCount;
    private long steps;
    private SourceSpan firstTooDeep;
    private bool[]? neverClosed;

    private BicepParser(SourceFile file, BicepLexResult lexed, BicepFileKind kind)
    {
        this.file = file;
        text = file.Text;
        tokens = lexed.TokenArray;
        this.kind = kind;
    }

    [Flags]
    private enum ExpressionFlags
    {
        None = 0,

        /// <summary>Object and array literals are allowed (everywhere but inside string interpolation).</summary>
        AllowComplexLiterals = 1,

        /// <summary>Nested resource declarations are allowed (in a resource body).</summary>
        AllowResourceDeclarations = 2,
    }

    [Flags]
    private enum RecoveryFlags
    {
        None = 0,

        /// <summary>Do not report the error: an earlier part of the same construct is already missing at this spot.</summary>
        SuppressDiagnostics = 1,

        /// <summary>Consume the terminator too.</summary>
        ConsumeTerminator = 2,
    }

    /// <summary>Parses a file; a <c>.bicepparam</c> path selects the parameters-file statements.</summary>
    public static BicepSyntaxTree Parse(SourceFile file)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var kind = file.Path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) ? BicepFileKind.Parameters : BicepFileKind.Template;
        return Parse(file, kind);
    }

    /// <summary>Parses a file as the given kind of Bicep file.</summary>
    public static BicepSyntaxTree Parse(SourceFile file, BicepFileKind kind)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var lexed = BicepLexer.Lex(file);
        var parser = new BicepParser(file, lexed, kind);
        ProgramSyntax root;
        try
        {
            root = parser.Program();
            parser.ReportTooDeep();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug must not take the whole analysis down with it: report it as an error on the file instead.
            root = new ProgramSyntax(file.Span(0, file.Text.Length), Array.Empty<StatementSyntax>());
            parser.diagnostics.Add(new SyntaxDiagnostic("CMKBICEP000", $"Internal parser error ({exception.GetType().Name}): {exception.Message}", file.Span(0, 0)));
        }

        var all = MergeDiagnostics(file, lexed.Diagnostics, parser.diagnostics);
        return new BicepSyntaxTree(file, kind, root, all, lexed.Pragmas) { ParserSteps = parser.steps };
    }

    private static IReadOnlyList<SyntaxDiagnostic> MergeDiagnostics(SourceFile file, IReadOnlyList<SyntaxDiagnostic> lexical, List<SyntaxDiagnostic> syntactic)
    {
        var all = new List<SyntaxDiagnostic>(lexical.Count + syntactic.Count);
        all.AddRange(lexical);
        all.AddRange(syntactic);

        // Order by position; the index breaks ties so that the sort is stable.
        var keys = new long[all.Count];
        var items = all.ToArray();
        for (int i = 0; i < items.Length; i++)
        {
            keys[i] = ((long)items[i].Span.Start << 24) | (uint)i;
        }

        Array.Sort(keys, items);
        all.Clear();
        all.AddRange(items);

        if (all.Count > MaxDiagnostics)
        {
            var last = all[MaxDiagnostics - 1].Span;
            all.RemoveRange(MaxDiagnostics, all.Count - MaxDiagnostics);
            var tooMany = SyntaxError.TooManyErrors();
            all.Add(new SyntaxDiagnostic(tooMany.Code, tooMany.Message, file.Span(last.Start, 0)));
        }

        return all;
    }

    private sealed class ParseException : Exception
    {
        public ParseException(SyntaxDiagnostic diagnostic, bool silent = false)
            : base(diagnostic.Message)
        {
            Diagnostic = diagnostic;
            Silent = silent;
        }

        public SyntaxDiagnostic Diagnostic { get; }

        /// <summary>Already counted elsewhere (nesting past the limit gets one note per file): recover, do not report.</summary>
        public bool Silent { get; }
    }
}
