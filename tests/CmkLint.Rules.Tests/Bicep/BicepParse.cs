using System.Collections.Generic;
using System.IO;
using System.Linq;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Bicep;

/// <summary>Small helpers that keep the parser tests short.</summary>
internal static class BicepParse
{
    public static BicepSyntaxTree Tree(string text, string path = "test.bicep") => BicepParser.Parse(new SourceFile(path, text));

    public static BicepSyntaxTree File(string path) => BicepParser.Parse(new SourceFile(path, System.IO.File.ReadAllText(path)));

    /// <summary>Parses a file that must be free of syntax errors.</summary>
    public static ProgramSyntax Valid(string text, string path = "test.bicep")
    {
        var tree = Tree(text, path);
        Assert.True(tree.Diagnostics.Count == 0, "Unexpected errors: " + Describe(tree.Diagnostics));
        return tree.Root;
    }

    /// <summary>The single statement of a valid one-statement file.</summary>
    public static TStatement Single<TStatement>(string text)
        where TStatement : StatementSyntax
    {
        var root = Valid(text);
        var statement = Assert.Single(root.Statements);
        return Assert.IsType<TStatement>(statement);
    }

    /// <summary>The value of <c>var x = ...</c>.</summary>
    public static ExpressionSyntax Expression(string expression) => Single<VariableDeclarationSyntax>("var x = " + expression).Value;

    public static string Describe(IEnumerable<SyntaxDiagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Select(d => $"({d.Position.Line},{d.Position.Column}) {d.Code} {d.Message}"));

    /// <summary>A compact rendering of an expression tree for precedence tests: operators fully parenthesized.</summary>
    public static string Shape(SyntaxNode node) => node switch
    {
        BinaryOperationSyntax b => $"({Shape(b.Left)} {Op(b.Operator)} {Shape(b.Right)})",
        UnaryOperationSyntax u => $"({(u.Operator == UnaryOperator.Not ? "!" : "-")}{Shape(u.Operand)})",
        TernarySyntax t => $"({Shape(t.Condition)} ? {Shape(t.TrueExpression)} : {Shape(t.FalseExpression)})",
        ParenthesizedExpressionSyntax p => Shape(p.Expression),
        VariableAccessSyntax v => v.SymbolName,
        IntegerLiteralSyntax i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BooleanLiteralSyntax b => b.Value ? "true" : "false",
        NullLiteralSyntax => "null",
        StringSyntax s when !s.IsInterpolated => "'" + s.Value + "'",
        PropertyAccessSyntax p => $"{Shape(p.BaseExpression)}{(p.IsSafe ? ".?" : ".")}{p.PropertyName}",
        ArrayAccessSyntax a => $"{Shape(a.BaseExpression)}[{(a.IsSafe ? "?" : string.Empty)}{(a.IsFromEnd ? "^" : string.Empty)}{Shape(a.IndexExpression)}]",
        ResourceAccessSyntax r => $"{Shape(r.BaseExpression)}::{r.ResourceName.Name}",
        NonNullAssertionSyntax n => $"{Shape(n.BaseExpression)}!",
        FunctionCallSyntax f => $"{(f.BaseExpression is null ? string.Empty : Shape(f.BaseExpression) + ".")}{f.FunctionName}({string.Join(", ", f.Arguments.Select(Shape))})",
        LambdaSyntax l => $"({string.Join(", ", l.Parameters.Select(p => p.Name))}) => {Shape(l.Body)}",
        _ => node.GetType().Name,
    };

    private static string Op(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr => "||",
        BinaryOperator.LogicalAnd => "&&",
        BinaryOperator.Equals => "==",
        BinaryOperator.NotEquals => "!=",
        BinaryOperator.EqualsInsensitive => "=~",
        BinaryOperator.NotEqualsInsensitive => "!~",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        _ => "??",
    };

    public static (int Line, int Column) Start(SyntaxNode node) => (node.Span.StartPosition.Line, node.Span.StartPosition.Column);

    public static (int Line, int Column) Start(SourceSpan span) => (span.StartPosition.Line, span.StartPosition.Column);

    public static IEnumerable<string> FilesUnder(string directory, params string[] extensions) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, System.StringComparison.OrdinalIgnoreCase)))
            .OrderBy(f => f, System.StringComparer.Ordinal);
}
