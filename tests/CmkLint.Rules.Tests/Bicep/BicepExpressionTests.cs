using System.Linq;
using CmkLint.Bicep.Syntax;
using Xunit;
using static CmkLint.Rules.Tests.Bicep.BicepParse;

namespace CmkLint.Rules.Tests.Bicep;

public class BicepExpressionTests
{
    [Theory]
    [InlineData("a ? b : c ?? d", "(a ? b : (c ?? d))")]
    [InlineData("a ?? b ? c : d", "((a ?? b) ? c : d)")]
    [InlineData("a ?? b || c", "(a ?? (b || c))")]
    [InlineData("a || b && c", "(a || (b && c))")]
    [InlineData("a && b == c", "(a && (b == c))")]
    [InlineData("a == b < c", "(a == (b < c))")]
    [InlineData("a < b + c", "(a < (b + c))")]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b % c", "((a / b) % c)")]
    [InlineData("a ?? b ?? c", "((a ?? b) ?? c)")]
    [InlineData("-a * b", "((-a) * b)")]
    [InlineData("!a && b", "((!a) && b)")]
    [InlineData("!a.b", "(!a.b)")]
    [InlineData("a =~ b != c !~ d", "(((a =~ b) != c) !~ d)")]
    [InlineData("a >= b <= c", "((a >= b) <= c)")]
    [InlineData("a ? b : c ? d : e", "(a ? b : (c ? d : e))")]
    [InlineData("a ? b ? c : d : e", "(a ? (b ? c : d) : e)")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    public void Operators_follow_bicep_precedence_and_associativity(string expression, string shape)
    {
        Assert.Equal(shape, Shape(Expression(expression)));
    }

    [Fact]
    public void Ternary_binds_looser_than_coalesce()
    {
        var ternary = Assert.IsType<TernarySyntax>(Expression("x ?? y ? 1 : 2"));
        Assert.Equal(BinaryOperator.Coalesce, Assert.IsType<BinaryOperationSyntax>(ternary.Condition).Operator);
    }

    [Fact]
    public void Binary_operation_spans_cover_both_operands()
    {
        var binary = Assert.IsType<BinaryOperationSyntax>(Expression("alpha + beta"));
        Assert.Equal(8, binary.Span.Start);
        Assert.Equal(12, binary.Span.Length);
        Assert.Equal((1, 15), Start(binary.OperatorSpan));
    }

    [Theory]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("a.?b", "a.?b")]
    [InlineData("a[0]['x']", "a[0]['x']")]
    [InlineData("a[?0]", "a[?0]")]
    [InlineData("a[^1]", "a[^1]")]
    [InlineData("vault::key::version.id", "vault::key::version.id")]
    [InlineData("a!.b", "a!.b")]
    [InlineData("a.b!", "a.b!")]
    [InlineData("f(1)[0].x", "f(1)[0].x")]
    [InlineData("reg.listKeys().keys[0]", "reg.listKeys().keys[0]")]
    public void Postfix_operators_chain_left_to_right(string expression, string shape)
    {
        Assert.Equal(shape, Shape(Expression(expression)));
    }

    [Fact]
    public void Function_calls_with_namespaces()
    {
        var call = Assert.IsType<FunctionCallSyntax>(Expression("sys.concat('a', az.resourceGroup().name)"));
        Assert.Equal("concat", call.FunctionName);
        Assert.Equal("sys", call.Qualifier);
        Assert.Equal(2, call.Arguments.Count);
        var inner = Assert.IsType<FunctionCallSyntax>(Assert.IsType<PropertyAccessSyntax>(call.Arguments[1]).BaseExpression);
        Assert.Equal("az", inner.Qualifier);
        Assert.Equal("resourceGroup", inner.FunctionName);
        Assert.Empty(inner.Arguments);
        Assert.Null(Assert.IsType<FunctionCallSyntax>(Expression("uniqueString(x)")).BaseExpression);
    }

    [Fact]
    public void Function_arguments_may_span_lines()
    {
        var call = Assert.IsType<FunctionCallSyntax>(Expression("union(\n  a,\n  b\n)"));
        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal((3, 3), Start(call.Arguments[1]));
    }

    [Fact]
    public void Lambdas_with_one_many_and_no_parameters()
    {
        var single = Assert.IsType<LambdaSyntax>(Assert.IsType<FunctionCallSyntax>(Expression("map(xs, x => x.id)")).Arguments[1]);
        Assert.Equal("x", Assert.Single(single.Parameters).Name);
        var pair = Assert.IsType<LambdaSyntax>(Assert.IsType<FunctionCallSyntax>(Expression("reduce(xs, 0, (acc, x) => acc + x)")).Arguments[2]);
        Assert.Equal(new[] { "acc", "x" }, pair.Parameters.Select(p => p.Name).ToArray());
        Assert.Equal("(acc + x)", Shape(pair.Body));
        Assert.Empty(Assert.IsType<LambdaSyntax>(Expression("() => 1")).Parameters);
    }

    [Fact]
    public void Objects_accept_newline_and_comma_separated_properties_with_identifier_string_and_interpolated_keys()
    {
        var obj = Assert.IsType<ObjectSyntax>(Expression("{\n  a: 1\n  'b-c': 2\n  '${prefix}d': 3\n}"));
        Assert.Equal(new[] { "a", "b-c", null }, obj.Properties.Select(p => p.KeyName).ToArray());
        Assert.True(obj.Properties[2].Key is StringSyntax { IsInterpolated: true });
        Assert.Equal((3, 3), Start(obj.Properties[1]));
        var inline = Assert.IsType<ObjectSyntax>(Expression("{ a: 1, b: 2 }"));
        Assert.Equal(2, inline.Properties.Count);
        Assert.Empty(Assert.IsType<ObjectSyntax>(Expression("{}")).Properties);
    }

    [Fact]
    public void Arrays_accept_newline_and_comma_separated_items()
    {
        Assert.Equal(3, Assert.IsType<ArraySyntax>(Expression("[\n  1\n  'two'\n  [3]\n]")).Items.Count);
        Assert.Equal(2, Assert.IsType<ArraySyntax>(Expression("[1, 2]")).Items.Count);
        Assert.Empty(Assert.IsType<ArraySyntax>(Expression("[]")).Items);
    }

    [Fact]
    public void Spread_in_objects_and_arrays()
    {
        var obj = Assert.IsType<ObjectSyntax>(Expression("{\n  ...defaults\n  name: 'x'\n}"));
        Assert.IsType<SpreadSyntax>(obj.Items[0]);
        Assert.Single(obj.Properties);
        var array = Assert.IsType<ArraySyntax>(Expression("[...a, ...b, 1]"));
        Assert.Equal("b", Assert.IsType<VariableAccessSyntax>(Assert.IsType<SpreadSyntax>(array.Items[1]).Expression).SymbolName);
    }

    [Fact]
    public void For_expressions_inside_values()
    {
        var obj = Assert.IsType<ObjectSyntax>(Expression("{\n  rules: [for (r, i) in rules: {\n    name: '${i}'\n  }]\n}"));
        var loop = Assert.IsType<ForSyntax>(obj.Properties[0].Value);
        Assert.Equal("i", loop.IndexVariable!.Name);
        Assert.IsType<ObjectSyntax>(loop.Body);
        Assert.IsType<ForSyntax>(Expression("[for x in range(0, 3): x * 2]"));
        Assert.IsType<ForSyntax>(Expression("[\n  for x in xs: x\n]"));
    }

    [Fact]
    public void String_values_are_decoded_with_every_escape()
    {
        var value = Assert.IsType<StringSyntax>(Expression(@"'a\nb\rc\td\\e\'f\$g\u{41}\u{1F600}'")).Value;
        Assert.Equal("a\nb\rc\td\\e'f$gA\U0001F600", value);
    }

    [Fact]
    public void Interpolated_string_has_segments_and_expressions()
    {
        var text = Assert.IsType<StringSyntax>(Expression("'${a}-mid-${b.c}\\${not}'"));
        Assert.True(text.IsInterpolated);
        Assert.Null(text.Value);
        Assert.Equal(new[] { string.Empty, "-mid-", "${not}" }, text.SegmentValues.ToArray());
        Assert.Equal(new[] { "a", "b.c" }, text.Expressions.Select(Shape).ToArray());
        Assert.Equal((1, 21), Start(text.Expressions[1]));
    }

    [Fact]
    public void Nested_interpolation_with_objects_in_holes()
    {
        var text = Assert.IsType<StringSyntax>(Expression("'${'in${x}'}${f(x.a)}'"));
        Assert.Equal(2, text.Expressions.Count);
        Assert.True(text.Expressions[0] is StringSyntax { IsInterpolated: true });
    }

    [Fact]
    public void Multi_line_strings_are_verbatim_without_the_first_line_break()
    {
        var text = Assert.IsType<StringSyntax>(Expression("'''\nline \\n ${x}\n'''"));
        Assert.True(text.IsMultiline);
        Assert.Equal("line \\n ${x}\n", text.Value);
    }

    [Fact]
    public void Interpolated_multi_line_strings_use_as_many_dollars_as_their_prefix()
    {
        var text = Assert.IsType<StringSyntax>(Expression("$$'''a ${b} $${c}'''"));
        Assert.Equal(new[] { "a ${b} ", string.Empty }, text.SegmentValues.ToArray());
        Assert.Equal("c", Shape(Assert.Single(text.Expressions)));
        Assert.Equal(string.Empty, Assert.IsType<StringSyntax>(Expression("$''''''")).Value);
    }

    [Fact]
    public void Literals()
    {
        Assert.True(Assert.IsType<BooleanLiteralSyntax>(Expression("true")).Value);
        Assert.False(Assert.IsType<BooleanLiteralSyntax>(Expression("false")).Value);
        Assert.IsType<NullLiteralSyntax>(Expression("null"));
        Assert.Equal(9223372036854775808UL, Assert.IsType<IntegerLiteralSyntax>(Assert.IsType<UnaryOperationSyntax>(Expression("-9223372036854775808")).Operand).Value);
    }

    [Fact]
    public void Ternary_may_wrap_before_question_mark_and_colon()
    {
        Assert.Equal("(a ? b : c)", Shape(Expression("a\n  ? b\n  : c")));
    }
}
