using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CmkLint.Evaluation;
using Xunit;

namespace CmkLint.Rules.Tests.Evaluation;

/// <summary>The table of template functions: the documentation is written from it, and the evaluator calls through it.</summary>
public class FunctionTableTests
{
    private static string DocPath => Path.Combine(Lint.RepositoryRoot(), "docs", "functions.md");

    [Fact]
    public void Docs_functions_md_lists_exactly_the_functions_of_the_table()
    {
        // CMKLINT_WRITE_FUNCTIONS_DOC=1 rewrites the page from the table after a change to it.
        if (Environment.GetEnvironmentVariable("CMKLINT_WRITE_FUNCTIONS_DOC") == "1")
        {
            File.WriteAllText(DocPath, FunctionTable.Markdown());
        }

        string doc = File.ReadAllText(DocPath).Replace("\r\n", "\n");
        var listed = Regex.Matches(doc, @"^\| `(\w+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(FunctionTable.All.Select(f => f.Name), listed);
        Assert.Equal(FunctionTable.Markdown(), doc);
    }

    [Fact]
    public void Each_function_is_in_the_table_once_ignoring_case()
    {
        var names = FunctionTable.All.Select(f => f.Name.ToLowerInvariant()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(FunctionTable.All, f => Assert.Same(f, FunctionTable.Find(f.Name.ToUpperInvariant())));
        Assert.Null(FunctionTable.Find("groupBy"));
    }

    [Fact]
    public void The_table_has_an_implementation_for_each_function_of_its_kind()
    {
        Assert.All(FunctionTable.All, f => Assert.True(f.Kind == FunctionKind.Lazy ? f.Lazy is not null && f.Evaluated is null : f.Evaluated is not null && f.Lazy is null, f.Name));
        Assert.Contains(FunctionTable.All, f => f.Kind == FunctionKind.Lazy && f.Name == "if");
        Assert.Contains(FunctionTable.All, f => f.Kind == FunctionKind.Runtime && f.Name == "listKeys");
    }

    [Theory]
    [InlineData("[toLower('A', 'B')]", "toLower")]
    [InlineData("[if(true(), 'a')]", "if")]
    [InlineData("[resourceId('Microsoft.KeyVault/vaults')]", "resourceId")]
    public void A_call_with_the_wrong_number_of_arguments_is_unknown(string expression, string function)
    {
        var value = EvaluatorTests.Eval(expression);

        var unknown = Assert.IsType<UnknownValue>(value);
        Assert.Contains(function + "() has the wrong number of arguments", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_outside_the_table_is_unknown_and_named()
    {
        var unknown = Assert.IsType<UnknownValue>(EvaluatorTests.Eval("[groupBy(createArray(1), 'x')]"));

        Assert.Contains("function 'groupBy' is not evaluated by CmkLint", unknown.Reason, StringComparison.Ordinal);
    }
}
