using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// A value written under an <c>if</c>: <see cref="WhenTrue"/> when the condition holds, else what was there
/// before (<see cref="WhenFalse"/>, null when nothing was). Becomes ARM's <c>if(condition, a, b)</c>, which the
/// engine evaluates three-valued like a template condition.
/// </summary>
internal sealed class ModelConditional
{
    public ModelConditional(Expr condition, object whenTrue, object? whenFalse, SourceSpan span)
    {
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
        Span = span;
    }

    public Expr Condition { get; }

    public object WhenTrue { get; }

    public object? WhenFalse { get; }

    public SourceSpan Span { get; }

    public static Expr Not(Expr condition) => new CallExpr(condition.Span, "not", new[] { condition });

    public static Expr And(Expr? outer, Expr inner) => outer is null ? inner : new CallExpr(inner.Span, "and", new[] { outer, inner });

    internal Expr ToExpr(HashSet<object> visiting) => new CallExpr(
        Span,
        "if",
        new[] { Condition, ModelObject.ToExpr(WhenTrue, visiting), WhenFalse is null ? new LiteralExpr(Span, null) : ModelObject.ToExpr(WhenFalse, visiting) });
}
