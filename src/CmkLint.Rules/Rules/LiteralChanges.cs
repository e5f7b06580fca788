using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Model;

namespace CmkLint.Rules;

/// <summary>
/// Where a known value is written, so a fix can change it there: in place, or — for a parameter's
/// value passed through unchanged — at the argument that supplies it (parameters file, module caller)
/// or at its default, with the parameter's allowed values narrowed to the new value (the only one the rule accepts).
/// </summary>
internal static class LiteralChanges
{
    /// <summary>The changes that make <paramref name="value"/> (now <paramref name="expected"/>) become <paramref name="replacement"/>; null when its source is not a literal.</summary>
    public static SuggestedChange[]? Replace(Value value, object expected, object replacement)
    {
        if (value.Parameter is not { } parameter)
        {
            return new[] { new SuggestedChange(ChangeKind.ReplaceLiteral, value.Span, expected, replacement) };
        }

        // A caller that passes its own parameter on: the literal that decides the value is further out
        // (where the finding points); each parameter it passes through must allow the new value.
        for (int hops = 0; hops < RuleContext.MaxCallers && parameter.Deployment.Supplied.TryGetValue(parameter.Declaration.Name, out var passed)
            && passed.Expr is not LiteralExpr && !parameter.IsAllowedValueTried && parameter.Origin?.Parameter is { } outer; hops++)
        {
            if (parameter.Declaration.AllowedValues is { } through && !ContainsLiteral(through.Items, replacement))
            {
                return null;
            }

            parameter = outer;
        }

        var declaration = parameter.Declaration;
        var allowed = declaration.AllowedValues;
        Expr? source = parameter.Deployment.Supplied.TryGetValue(declaration.Name, out var supplied) ? supplied.Expr : declaration.DefaultValue;
        var changes = new List<SuggestedChange>();

        // An allowed value tried in place of the default (the engine's allowed-value warning): the default may already be right.
        bool tryingAllowed = parameter.IsAllowedValueTried;
        if (tryingAllowed)
        {
            source = declaration.DefaultValue;
            expected = source is LiteralExpr d ? d.Value! : expected;
        }

        if (source is not LiteralExpr literal || !(Equals(literal.Value, expected) || (tryingAllowed && Equals(literal.Value, replacement))))
        {
            return null;
        }

        if (!Equals(literal.Value, replacement))
        {
            changes.Add(new SuggestedChange(ChangeKind.ReplaceLiteral, literal.Span, expected, replacement));
        }

        if (allowed is not null && !OnlyAllows(allowed, replacement))
        {
            foreach (var item in allowed.Items)
            {
                if (item is not LiteralExpr)
                {
                    return null;
                }
            }

            changes.Add(new SuggestedChange(ChangeKind.ReplaceArray, allowed.Span, null, replacement));
        }

        return changes.Count == 0 ? null : changes.ToArray();
    }

    /// <summary>A fix that makes <paramref name="value"/> become <paramref name="replacement"/>, or null (see <see cref="Replace"/>).</summary>
    public static SuggestedFix? Fix(string title, Value value, object replacement)
    {
        object? expected = value switch
        {
            StringValue s => s.Text,
            BoolValue b => b.Bool,
            _ => null,
        };

        return expected is not null && Replace(value, expected, replacement) is { } changes ? new SuggestedFix(title, changes) : null;
    }

    private static bool OnlyAllows(ArrayExpr allowed, object value) =>
        allowed.Items.Count == 1 && allowed.Items[0] is LiteralExpr literal && Equals(literal.Value, value);

    private static bool ContainsLiteral(IReadOnlyList<Expr> items, object value)
    {
        foreach (var item in items)
        {
            if (item is LiteralExpr literal && Equals(literal.Value, value))
            {
                return true;
            }
        }

        return false;
    }
}
