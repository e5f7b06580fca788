using System;
using System.Collections.Generic;
using CmkLint.Bicep.Syntax;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// A <c>.bicepparam</c> file: the template its <c>using</c> names and the values of its
/// <c>param x = value</c> assignments. Its <c>var</c>s are substituted into those values (the
/// values are evaluated in the template's deployment, where the file's variables do not exist).
/// </summary>
internal static class ParametersFileLowering
{
    private const int MaxSubstitutionDepth = 32;

    public static void Lower(BicepSyntaxTree tree, TemplateLoader? loader, FrontEndResult result)
    {
        var file = tree.File;
        var root = tree.Root;
        var scratch = new Template(file, TemplateLanguage.Bicep) { Span = file.Span(0, file.Text.Length), UsesSymbolicNames = true };
        var lowering = TemplateLowering.ForParametersFile(file, loader, scratch, root);

        if (root.Using is { } usingDeclaration)
        {
            result.UsingTemplate = UsingPath(usingDeclaration, file, scratch, loader);
        }

        var values = new Dictionary<string, Expr>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in root.ParameterAssignments)
        {
            if (assignment.Name.IsMissing)
            {
                continue;
            }

            var value = lowering.LowerExpression(assignment.Value);
            values[assignment.SymbolName] = Substitute(value, scratch.Variables, 0);
        }

        foreach (var extends in root.Of<ExtendsDeclarationSyntax>())
        {
            scratch.Diagnostics.Add(InputDiagnostics.Unsupported(extends.Span, "'extends' in a parameters file"));
        }

        result.ParameterValues = values;
        result.Diagnostics.AddRange(scratch.Diagnostics);
    }

    private static string? UsingPath(UsingDeclarationSyntax declaration, SourceFile file, Template scratch, TemplateLoader? loader)
    {
        if (declaration.IsNone)
        {
            return null;
        }

        string? path = declaration.PathText;
        if (path is null)
        {
            return null;
        }

        if (path.StartsWith("br:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("br/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("ts:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("ts/", StringComparison.OrdinalIgnoreCase))
        {
            scratch.Diagnostics.Add(InputDiagnostics.Unsupported(declaration.Path!.Span, $"a parameters file for the registry template '{path}'"));
            return null;
        }

        if (ModulePaths.Resolve(file, path, backslashIsSeparator: false) is not string full)
        {
            scratch.Diagnostics.Add(InputDiagnostics.Unsupported(declaration.Path!.Span, $"the template path '{path}'"));
            return null;
        }

        string? problem = UsingProblem(full, path, file, loader);
        if (problem is not null)
        {
            // The parameters file cannot be analysed with its template: an error where 'using' names it, never a silent pass.
            scratch.Diagnostics.Add(InputDiagnostics.Invalid(declaration.Path!.Span, problem));
            return null;
        }

        return full;
    }

    /// <summary>Why the file <c>using</c> names cannot be this parameters file's template, or null when it can.</summary>
    private static string? UsingProblem(string full, string path, SourceFile file, TemplateLoader? loader)
    {
        if (string.Equals(full, TemplateLoader.Normalize(file.Path), StringComparison.Ordinal))
        {
            return $"'using' names this parameters file itself; name the template (.bicep or .json) whose parameters it sets";
        }

        if (full.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
        {
            return $"'using' names another parameters file ('{path}'); name the template (.bicep or .json) whose parameters it sets";
        }

        if (loader is null)
        {
            return null;
        }

        if (loader.FileSystem.RefusalOf(full) is string refusal && refusal != FileAccessPolicy.Missing)
        {
            return $"the template '{path}' named by 'using' is not read: {refusal}";
        }

        if (!loader.FileSystem.FileExists(full))
        {
            return $"the template '{path}' named by 'using' does not exist";
        }

        if (!loader.CanRead(full))
        {
            return $"'using' names '{path}', which is not a template (.bicep or .json)";
        }

        var target = ModuleLoadGuard.TryLoad(loader, file, full, out _);
        if (target is null || target.Template is not null)
        {
            return null;
        }

        return target.ParameterValues is not null
            ? $"'using' names another parameters file ('{path}'); name the template (.bicep or .json) whose parameters it sets"
            : target.Diagnostics.Count > 0 ? null : $"'using' names '{path}', which is not an ARM template or Bicep file";
    }

    /// <summary>Replaces references to the parameters file's variables by their (substituted) values.</summary>
    private static Expr Substitute(Expr expr, Dictionary<string, VariableDeclaration> variables, int depth)
    {
        if (variables.Count == 0)
        {
            return expr;
        }

        switch (expr)
        {
            case SymbolExpr { Kind: SymbolKind.Variable } symbol:
                if (!variables.TryGetValue(symbol.Name, out var variable))
                {
                    return expr;
                }

                return depth >= MaxSubstitutionDepth
                    ? new UnsupportedExpr(symbol.Span, $"variable '{symbol.Name}' that refers to itself")
                    : Substitute(variable.Value, variables, depth + 1);
            case CallExpr call:
                var args = new Expr[call.Arguments.Count];
                for (int i = 0; i < args.Length; i++)
                {
                    args[i] = Substitute(call.Arguments[i], variables, depth);
                }

                return new CallExpr(call.Span, call.Name, args);
            case PropertyAccessExpr or IndexAccessExpr:
                return AccessChain.Rewrite(expr, e => Substitute(e, variables, depth));
            case ObjectExpr obj:
                var properties = new List<ObjectProperty>(obj.Properties.Count);
                foreach (var p in obj.Properties)
                {
                    properties.Add(new ObjectProperty(p.Name, p.NameSpan, Substitute(p.Value, variables, depth), p.NameExpr is null ? null : Substitute(p.NameExpr, variables, depth)));
                }

                return new ObjectExpr(obj.Span, properties);
            case ArrayExpr array:
                var items = new List<Expr>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    items.Add(Substitute(item, variables, depth));
                }

                return new ArrayExpr(array.Span, items);
            case ForExpr loop:
                return new ForExpr(loop.Span, Substitute(loop.Source, variables, depth), loop.SourceIsCount, loop.ItemVariable, loop.IndexVariable, Substitute(loop.Body, variables, depth), loop.Filter is null ? null : Substitute(loop.Filter, variables, depth), loop.CopyName);
            case LambdaExpr lambda:
                return new LambdaExpr(lambda.Span, lambda.Parameters, Substitute(lambda.Body, variables, depth));
            case SpreadExpr spread:
                return new SpreadExpr(spread.Span, Substitute(spread.Source, variables, depth));
            default:
                return expr;
        }
    }
}
