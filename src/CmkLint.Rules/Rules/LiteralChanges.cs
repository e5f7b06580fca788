using System;
using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Model;

namespace CmkLint.Rules;

/// <summary>
/// Where a known value is written, so a fix can change it there: in place, or — for a parameter's
/// value passed through unchanged — at the argument that supplies it (parameters file, module caller)
/// or at its default, with the parameter's allowed values widened when they would reject the new value.
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

        var declaration = parameter.Declaration;
        Expr? source = parameter.Deployment.Supplied.TryGetValue(declaration.Name, out var supplied) ? supplied.Expr : declaration.DefaultValue;
        if (source is not LiteralExpr literal || !Equals(literal.Value, expected))
        {
            return null;
        }

        var changes = new List<SuggestedChange> { new(ChangeKind.ReplaceLiteral, literal.Span, expected, replacement) };
        if (declaration.AllowedValues is { } allowed && !Allows(allowed, replacement))
        {
            changes.Add(new SuggestedChange(ChangeKind.AddArrayItem, allowed.Span, null, replacement));
        }

        return changes.ToArray();
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

    private static bool Allows(ArrayExpr allowed, object value)
    {
        foreach (var item in allowed.Items)
        {
            if (item is LiteralExpr { Value: string s } && value is string text && string.Equals(s, text, StringComparison.Ordinal))
            {
                return true;
            }

            if (item is not LiteralExpr)
            {
                return true;
            }
        }

        return false;
    }
}
