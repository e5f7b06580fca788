using System;
using System.Collections.Generic;
using System.Globalization;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Arm;

/// <summary>
/// Parses ARM template expressions (<c>[concat(parameters('a'), 'b').prop[0]]</c>) into the model's
/// expression tree, with spans inside the JSON string so findings can point at a sub-expression.
/// Property and index chains (<c>a.b.c…</c>, <c>x[0][0]…</c>) are read in a loop; arguments and indexes
/// nested in one another count against <see cref="NestingLimit.MaxDepth"/>.
/// </summary>
public sealed class ArmExpressionParser
{
    /// <summary>
    /// One parser per thread, reset for each expression: a template has thousands of expressions, and a parser
    /// per expression was a tenth of what reading a template allocated.
    /// </summary>
    [ThreadStatic]
    private static ArmExpressionParser? reused;

    private readonly RecentStrings recent = RecentStrings.OfThread;

    /// <summary>
    /// The arguments of the calls being read, innermost last: each call takes its own off the top as an array of
    /// the right size (a list per call, grown as it filled, cost more than the call node itself).
    /// </summary>
    private readonly List<Expr> arguments = new();

    private string text = string.Empty;

    /// <summary>Where the expression ends in <see cref="text"/>: before the closing ']' of the JSON string.</summary>
    private int end;
    private SourceFile file = null!;
    private int baseOffset;
    private bool exactOffsets;
    private SourceSpan wholeString;
    private int pos;
    private int depth;
    private string? error;
    private int errorAt;
    private bool tooDeep;

    private ArmExpressionParser()
    {
    }

    private void Reset(string text, int end, SourceFile file, int baseOffset, bool exactOffsets, SourceSpan wholeString)
    {
        this.text = text;
        this.end = end;
        this.file = file;
        this.baseOffset = baseOffset;
        this.exactOffsets = exactOffsets;
        this.wholeString = wholeString;
        pos = 0;
        depth = 0;
        error = null;
        errorAt = 0;
        tooDeep = false;
        arguments.Clear();
    }

    /// <summary>Whether a JSON string is an expression: starts with '[' (not '[['), ends with ']'.</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[value.Length - 1] == ']' && value[1] != '[';

    /// <summary>
    /// Parses the string value of a JSON string node. Plain strings become literals ('[[' unescaped);
    /// expressions become trees. A syntax error gives a <see cref="UnsupportedExpr"/> and the error.
    /// </summary>
    public static Expr ParseStringValue(JsonString node, out JsonSyntaxError? syntaxError)
    {
        syntaxError = null;
        string value = node.Value;
        if (value.Length >= 2 && value[0] == '[' && value[1] == '[')
        {
            return new LiteralExpr(node.Span, value.Substring(1));
        }

        if (!IsExpression(value))
        {
            return new LiteralExpr(node.Span, value);
        }

        var parser = reused ??= new ArmExpressionParser();
        try
        {
            return parser.Parse(node, value, out syntaxError);
        }
        finally
        {
            // Keep no template's text alive through the thread's parser.
            parser.text = string.Empty;
            parser.file = null!;
            parser.wholeString = default;
            parser.arguments.Clear();
        }
    }

    private Expr Parse(JsonString node, string value, out JsonSyntaxError? syntaxError)
    {
        syntaxError = null;

        // The closing ']' is not part of the expression: "[x[0]" must not read it as the end of an index.
        Reset(value, value.Length - 1, node.Span.File!, node.Span.Start + 1, !node.HasEscapes, node.Span);
        pos = 1;
        var expr = ParseExpression();
        SkipSpace();
        if (error is null && pos != end)
        {
            Fail($"unexpected '{value[pos]}' in the expression");
        }

        if (tooDeep)
        {
            // Not an error (Azure reads it): too deep for CmkLint, so the value is unknown.
            syntaxError = new JsonSyntaxError(error!, SpanAt(errorAt, 1), exceedsNestingLimit: true);
            return new UnsupportedExpr(node.Span, NestingLimit.Message("an expression"));
        }

        if (error is not null || expr is null)
        {
            syntaxError = new JsonSyntaxError("invalid template expression: " + error, SpanAt(errorAt, 1));
            return new UnsupportedExpr(node.Span, "an invalid expression");
        }

        return expr;
    }

    private SourceSpan SpanAt(int start, int length) =>
        exactOffsets ? file.Span(baseOffset + start, length) : wholeString;

    private SourceSpan SpanFrom(int start) => SpanAt(start, pos - start);

    private Expr? ParseExpression()
    {
        if (depth >= NestingLimit.MaxDepth)
        {
            tooDeep = error is null;
            return Fail(NestingLimit.Message("the expression"));
        }

        depth++;
        var expr = ParseChain();
        depth--;
        return expr;
    }

    /// <summary>A primary expression and the property and index accesses after it.</summary>
    private Expr? ParseChain()
    {
        SkipSpace();
        int start = pos;
        Expr? expr = ParsePrimary();
        if (expr is null)
        {
            return null;
        }

        while (true)
        {
            SkipSpace();
            if (pos >= end)
            {
                return expr;
            }

            char c = text[pos];
            if (c == '.')
            {
                pos++;
                SkipSpace();
                string? name = ReadIdentifier();
                if (name is null)
                {
                    return Fail("expected a property name after '.'");
                }

                expr = new PropertyAccessExpr(SpanFrom(start), expr, name);
            }
            else if (c == '[')
            {
                pos++;
                var index = ParseExpression();
                if (index is null)
                {
                    return null;
                }

                SkipSpace();
                if (pos >= end || text[pos] != ']')
                {
                    return Fail("expected ']' to close the index");
                }

                pos++;
                expr = new IndexAccessExpr(SpanFrom(start), expr, index);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr? ParsePrimary()
    {
        SkipSpace();
        if (pos >= end)
        {
            return Fail("expected an expression");
        }

        int start = pos;
        char c = text[pos];
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '-' || (c >= '0' && c <= '9'))
        {
            pos++;
            while (pos < end && ((text[pos] >= '0' && text[pos] <= '9') || text[pos] == '.'))
            {
                pos++;
            }

            string raw = Slice(start, pos - start);
            if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                return new LiteralExpr(SpanFrom(start), l);
            }

            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                return new LiteralExpr(SpanFrom(start), d);
            }

            return Fail($"'{raw}' is not a number");
        }

        string? name = ReadIdentifier();
        if (name is null)
        {
            return Fail(pos < end ? $"unexpected '{text[pos]}'; expected a function call, a string or a number" : "expected an expression");
        }

        // A user-defined function is namespace.name(...).
        SkipSpace();
        if (pos < end && text[pos] == '.')
        {
            int save = pos;
            pos++;
            string? member = ReadIdentifier();
            SkipSpace();
            if (member is not null && pos < end && text[pos] == '(')
            {
                name = name + "." + member;
            }
            else
            {
                pos = save;
            }
        }

        SkipSpace();
        if (pos >= end || text[pos] != '(')
        {
            return Fail($"'{name}' must be followed by '(' (bare names are not allowed in expressions)");
        }

        pos++;
        int firstArgument = arguments.Count;
        SkipSpace();
        if (pos < end && text[pos] == ')')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                var arg = ParseExpression();
                if (arg is null)
                {
                    return null;
                }

                arguments.Add(arg);
                SkipSpace();
                if (pos < end && text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                if (pos < end && text[pos] == ')')
                {
                    pos++;
                    break;
                }

                return Fail($"expected ',' or ')' in the arguments of {name}()");
            }
        }

        var args = TakeArguments(firstArgument);
        var span = SpanFrom(start);
        if (args.Length == 0)
        {
            if (name.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return new LiteralExpr(span, true);
            }

            if (name.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return new LiteralExpr(span, false);
            }

            if (name.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                return new LiteralExpr(span, null);
            }
        }

        return new CallExpr(span, name, args);
    }

    /// <summary>The arguments read since <paramref name="first"/>, as an array of their number, taken off the stack.</summary>
    private Expr[] TakeArguments(int first)
    {
        int count = arguments.Count - first;
        if (count == 0)
        {
            return Array.Empty<Expr>();
        }

        var taken = new Expr[count];
        arguments.CopyTo(first, taken, 0, count);
        arguments.RemoveRange(first, count);
        return taken;
    }

    private Expr? ParseString()
    {
        int start = pos;
        pos++;

        // Most literals have no doubled quote: the text between the quotes, without a builder.
        int close = text.IndexOf('\'', pos, end - pos);
        if (close >= 0 && (close + 1 >= end || text[close + 1] != '\''))
        {
            string plain = Slice(pos, close - pos);
            pos = close + 1;
            return new LiteralExpr(SpanFrom(start), plain);
        }

        var sb = new System.Text.StringBuilder();
        while (pos < end)
        {
            char c = text[pos];
            if (c == '\'')
            {
                if (pos + 1 < end && text[pos + 1] == '\'')
                {
                    sb.Append('\'');
                    pos += 2;
                    continue;
                }

                pos++;
                return new LiteralExpr(SpanFrom(start), sb.ToString());
            }

            sb.Append(c);
            pos++;
        }

        pos = start;
        return Fail("a string in the expression is not closed");
    }

    private string? ReadIdentifier()
    {
        // Locals, not the fields, in the loop (a field is stored back at every step).
        string t = text;
        int start = pos;
        int p = start;
        while (p < end)
        {
            char c = t[p];
            if (char.IsLetter(c) || c == '_' || c == '$' || (p > start && char.IsDigit(c)))
            {
                p++;
            }
            else
            {
                break;
            }
        }

        pos = p;
        return p > start ? Slice(start, p - start) : null;
    }

    /// <summary>The text of a run, from the thread's recent strings when short.</summary>
    private string Slice(int start, int length) => recent.Slice(text, start, length);

    private void SkipSpace()
    {
        string t = text;
        int p = pos;
        while (p < end && char.IsWhiteSpace(t[p]))
        {
            p++;
        }

        pos = p;
    }

    private Expr? Fail(string message)
    {
        if (error is null)
        {
            error = message;
            errorAt = Math.Min(pos, end);
        }

        return null;
    }
}
