using System;
using System.Linq;
using System.Text;
using CmkLint.Bicep.Syntax;
using CmkLint.Text;
using Xunit;
using static CmkLint.Rules.Tests.Bicep.BicepParse;

namespace CmkLint.Rules.Tests.Bicep;

public class BicepErrorRecoveryTests
{
    [Fact]
    public void Missing_operand_is_reported_at_the_end_of_the_line_and_the_next_declaration_parses()
    {
        var tree = Tree("var bad = a+\nparam ok string");
        var error = Assert.Single(tree.Diagnostics);
        Assert.Equal("BCP009", error.Code);
        Assert.Equal(new LinePosition(1, 13), error.Position);
        Assert.Equal("ok", tree.Root.Parameters.Single().SymbolName);
    }

    [Fact]
    public void Unknown_declaration_keyword_is_reported_and_skipped()
    {
        var tree = Tree("foo bar = 1\nvar ok = 2");
        Assert.Equal("BCP007", Assert.Single(tree.Diagnostics).Code);
        Assert.Equal(new LinePosition(1, 1), tree.Diagnostics[0].Position);
        Assert.Single(tree.Root.Variables);
    }

    [Fact]
    public void Missing_parameter_name_reports_one_error()
    {
        var tree = Tree("param\nparam b string");
        var error = Assert.Single(tree.Diagnostics);
        Assert.Equal("BCP013", error.Code);
        Assert.Equal(new LinePosition(1, 6), error.Position);
        Assert.True(tree.Root.Parameters[0].Name.IsMissing);
        Assert.Equal("b", tree.Root.Parameters[1].SymbolName);
    }

    [Fact]
    public void Missing_equals_sign_is_reported_where_it_belongs()
    {
        var tree = Tree("var x 1\noutput o string = x");
        Assert.Contains(tree.Diagnostics, d => d.Position.Line == 1);
        Assert.Single(tree.Root.Outputs);
    }

    [Fact]
    public void Missing_colon_in_object_keeps_the_other_properties()
    {
        var tree = Tree("var o = {\n  a 1\n  b: 2\n}");
        Assert.All(tree.Diagnostics, d => Assert.Equal(2, d.Position.Line));
        var error = tree.Diagnostics[0];
        Assert.Equal("BCP018", error.Code);
        Assert.Equal(new LinePosition(2, 5), error.Position);
        var obj = Assert.IsType<ObjectSyntax>(tree.Root.Variables[0].Value);
        Assert.Equal("b", Assert.Single(obj.Properties, p => p.KeyName == "b").KeyName);
    }

    [Fact]
    public void Comma_followed_by_newline_in_an_object_is_reported()
    {
        var tree = Tree("var o = {\n  a: 1,\n  b: 2\n}");
        Assert.Equal("BCP238", Assert.Single(tree.Diagnostics).Code);
    }

    [Fact]
    public void Two_items_on_one_line_without_a_comma_are_reported()
    {
        var tree = Tree("var a = [1 2]");
        var error = Assert.Single(tree.Diagnostics);
        Assert.Equal("BCP236", error.Code);
        Assert.Equal(new LinePosition(1, 12), error.Position);
    }

    [Fact]
    public void Unclosed_object_stops_at_the_next_top_level_statement()
    {
        var tree = Tree("resource r 'A/b@1' = {\n  name: 'r'\n\nparam p string\noutput o string = p");
        Assert.Contains(tree.Diagnostics, d => d.Code == "BCP018" && d.Position.Line == 4);
        Assert.Single(tree.Root.Resources);
        Assert.Single(tree.Root.Parameters);
        Assert.Single(tree.Root.Outputs);
        Assert.Equal("name", Assert.Single(tree.Root.Resources[0].Body!.Properties).KeyName);
    }

    [Fact]
    public void Unclosed_function_call_stops_at_the_next_statement()
    {
        var tree = Tree("var a = concat('x',\n  'y'\nvar b = 1");
        Assert.Contains(tree.Diagnostics, d => d.Code == "BCP018");
        Assert.Equal(new[] { "a", "b" }, tree.Root.Variables.Select(v => v.SymbolName).ToArray());
    }

    [Fact]
    public void Unterminated_string_is_reported_and_parsing_continues()
    {
        var tree = Tree("var s = 'abc\nvar t = 'def'");
        Assert.Contains(tree.Diagnostics, d => d.Code == "BCP004" && d.Position.Equals(new LinePosition(1, 9)));
        Assert.Equal("def", Assert.IsType<StringSyntax>(tree.Root.Variables[1].Value).Value);
    }

    [Fact]
    public void Unterminated_interpolation_is_reported_and_parsing_continues()
    {
        var tree = Tree("var s = 'a${b\nvar t = 1");
        Assert.Contains(tree.Diagnostics, d => d.Code == "BCP004");
        Assert.Equal("t", tree.Root.Variables[1].SymbolName);
    }

    [Fact]
    public void Unterminated_comment_at_the_end_of_the_file_is_reported()
    {
        var tree = Tree("param a string\n/* open");
        Assert.Equal("BCP002", Assert.Single(tree.Diagnostics).Code);
        Assert.Single(tree.Root.Parameters);
    }

    [Fact]
    public void Resource_without_type_string_is_reported_and_the_next_resource_parses()
    {
        var tree = Tree("resource a = {\n}\nresource b 'A/b@1' = {}");
        var error = tree.Diagnostics.First();
        Assert.Equal("BCP068", error.Code);
        Assert.Equal(new LinePosition(1, 12), error.Position);
        Assert.Equal("b", tree.Root.Resources.Last().SymbolName);
    }

    [Fact]
    public void Resource_with_a_bad_body_start_is_reported()
    {
        var tree = Tree("resource a 'A/b@1' = 'x'\nvar v = 1");
        Assert.Equal("BCP118", Assert.Single(tree.Diagnostics).Code);
        Assert.IsType<SkippedSyntax>(tree.Root.Resources[0].Value);
        Assert.Single(tree.Root.Variables);
    }

    [Fact]
    public void Loop_without_in_keyword_is_reported()
    {
        var tree = Tree("var xs = [for x xs: x]");
        Assert.Equal("BCP012", tree.Diagnostics[0].Code);
        Assert.Equal(new LinePosition(1, 17), tree.Diagnostics[0].Position);
    }

    [Fact]
    public void Two_declarations_on_one_line_are_reported()
    {
        var tree = Tree("var a = 1 var b = 2\nvar c = 3");
        Assert.Equal("BCP019", Assert.Single(tree.Diagnostics).Code);
        Assert.Equal(new[] { "a", "c" }, tree.Root.Variables.Select(v => v.SymbolName).ToArray());
    }

    [Fact]
    public void Decorator_without_declaration_is_reported()
    {
        var tree = Tree("@description('dangling')\n");
        Assert.Equal("BCP132", Assert.Single(tree.Diagnostics).Code);
        Assert.IsType<MissingDeclarationSyntax>(Assert.Single(tree.Root.Statements));
    }

    [Fact]
    public void Duplicate_property_names_are_reported_on_every_occurrence()
    {
        var tree = Tree("var o = {\n  name: 1\n  name: 2\n}");
        Assert.Equal(new[] { 2, 3 }, tree.Diagnostics.Where(d => d.Code == "BCP025").Select(d => d.Position.Line).ToArray());
    }

    [Fact]
    public void Duplicate_target_scopes_are_reported()
    {
        Assert.Equal(2, Tree("targetScope = 'tenant'\ntargetScope = 'subscription'").Diagnostics.Count(d => d.Code == "BCP112"));
    }

    [Fact]
    public void Integer_too_large_is_reported()
    {
        Assert.Equal("BCP010", Assert.Single(Tree("var n = 99999999999999999999").Diagnostics).Code);
    }

    [Fact]
    public void Empty_indexer_and_empty_parentheses_are_reported()
    {
        Assert.Equal("BCP117", Assert.Single(Tree("var a = b[]").Diagnostics).Code);
        Assert.Equal("BCP243", Assert.Single(Tree("var a = ()").Diagnostics).Code);
    }

    [Fact]
    public void Errors_are_ordered_by_position()
    {
        var tree = Tree("var a = *\nvar b = 'x\nfoo\nvar c = )");
        var offsets = tree.Diagnostics.Select(d => d.Span.Start).ToArray();
        Assert.Equal(offsets.OrderBy(o => o).ToArray(), offsets);
        Assert.Equal(new[] { 1, 2, 3, 4 }, tree.Diagnostics.Select(d => d.Position.Line).Distinct().ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("@")]
    [InlineData("'")]
    [InlineData("'${")]
    [InlineData("'${'${'${")]
    [InlineData("$'''${")]
    [InlineData("'''")]
    [InlineData("/*")]
    [InlineData("resource")]
    [InlineData("resource a 'b' = [for")]
    [InlineData("var x = (((((")]
    [InlineData("var x = [[[[")]
    [InlineData("var x = {{{{")]
    [InlineData("param p {")]
    [InlineData("type t = |")]
    [InlineData("func f(")]
    [InlineData("import {")]
    [InlineData("var x = a.b.c.")]
    [InlineData("var x = a ? b :")]
    [InlineData("}}}}]]]])))")]
    [InlineData("\u0000\u0001\uFFFF\uD800")]
    public void Truncated_and_malformed_input_never_throws(string text)
    {
        var tree = Tree(text);
        Assert.NotNull(tree.Root);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
    }

    [Fact]
    public void Random_binary_garbage_never_throws()
    {
        var random = new Random(20240601);
        for (int round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(1, 2000)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = round % 2 == 0 ? (char)random.Next(0, 0x10000) : "param var resource = { } [ ] ( ) ' ${ } \n : , . ? ! @ for in if"[random.Next(0, 63)];
            }

            var tree = Tree(new string(chars));
            Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
            AssertChildrenInsideParents(tree.Root);
        }
    }

    [Fact]
    public void Damaged_real_files_keep_every_node_inside_its_parent()
    {
        var random = new Random(11);
        var source = System.IO.File.ReadAllText(System.IO.Path.Combine(SharedCorpus.Path, "corpus", "bicep-baselines", "samples", "Loops_LF", "main.bicep"));
        var pieces = new[] { "{", "}", "[", "]", "(", ")", "'", "${", "'''", "\n", ",", ":", "=", "@", "?", "!", ".", "::", "=>", "|", "for ", "if ", "param ", "/*" };
        for (int round = 0; round < 300; round++)
        {
            var text = new StringBuilder(source);
            for (int edit = 0; edit < 10; edit++)
            {
                int at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                }
                else
                {
                    text.Insert(at, pieces[random.Next(pieces.Length)]);
                }
            }

            var tree = Tree(text.ToString());
            Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
            AssertChildrenInsideParents(tree.Root);
        }
    }

    private static void AssertChildrenInsideParents(SyntaxNode root)
    {
        foreach (var node in root.DescendantsAndSelf())
        {
            foreach (var child in node.GetChildren())
            {
                Assert.True(child.Span.Start >= node.Span.Start && child.Span.End <= node.Span.End, $"{child} is outside {node}");
            }
        }
    }

    [Fact]
    public void Deep_nesting_is_reported_instead_of_overflowing_the_stack()
    {
        var tree = Tree("var x = " + new string('(', 100_000) + "\nvar y = " + new string('[', 100_000) + "\nvar z = 1");
        Assert.Contains(tree.Diagnostics, d => d.Code == "CMKBICEP001");
        Assert.Equal("z", tree.Root.Variables.Last().SymbolName);
    }

    [Theory]
    [InlineData("var x = ", "{a:", "")]
    [InlineData("var x = ", "'${", "")]
    [InlineData("var x = ", "a ? b : ", "c")]
    [InlineData("var x = ", "f(", "")]
    [InlineData("var x = ", "x => ", "1")]
    [InlineData("var x = ", "[for x in y: ", "")]
    [InlineData("type t = ", "{a:", "")]
    [InlineData("type t = ", "(", "")]
    [InlineData("resource r 'a@1' = ", "{\nresource c 'd' = ", "")]
    public void Any_kind_of_deep_nesting_is_survived(string prefix, string repeated, string suffix)
    {
        var builder = new StringBuilder(prefix);
        for (int i = 0; i < 20_000; i++)
        {
            builder.Append(repeated);
        }

        builder.Append(suffix).Append("\nparam after string\n");
        var tree = Tree(builder.ToString());
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
        Assert.NotEmpty(tree.Diagnostics);
        Assert.Contains(tree.Root.Parameters, p => p.SymbolName == "after");

        // Work grows with the input, not its square: unclosed resources nested past the limit were once scanned to
        // the end of the file once per line (20,000 levels took minutes).
        int tokens = BicepLexer.Lex(tree.File).Tokens.Count;
        Assert.True(tree.ParserSteps <= (4L * tokens) + 16, $"{tree.ParserSteps} parser steps for {tokens} tokens");
    }

    [Fact]
    public void Ten_megabytes_of_declarations_parse()
    {
        var builder = new StringBuilder();
        int count = 0;
        while (builder.Length < 10_000_000)
        {
            builder.Append("resource r").Append(count).Append(" 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr${uniqueString(resourceGroup().id)}'\n  properties: {\n    encryption: { status: 'enabled' }\n  }\n}\n");
            count++;
        }

        var tree = Tree(builder.ToString());
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(count, tree.Root.Resources.Count);
    }

    [Fact]
    public void Ten_megabytes_of_garbage_does_not_blow_up()
    {
        var random = new Random(7);
        var chars = new char[10_000_000];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 256);
        }

        var tree = Tree(new string(chars));
        Assert.NotEmpty(tree.Diagnostics);
        Assert.True(tree.Diagnostics.Count <= 5001);
        Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
    }
}
