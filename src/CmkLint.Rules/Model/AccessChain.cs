using System;
using System.Collections.Generic;

namespace CmkLint.Model;

/// <summary>
/// Rewrites a property and index access chain (<c>x.a[i].b…</c>) in a loop. Nesting is bounded by the front
/// ends (<see cref="Text.NestingLimit"/>) but such chains are as long as the file, so a rewrite that recursed on
/// each access's target could overflow the stack.
/// </summary>
internal static class AccessChain
{
    /// <summary>
    /// Rewrites the chain's start and every index with <paramref name="rewrite"/> (start first, then the indexes
    /// from the innermost out) and rebuilds the accesses around them.
    /// </summary>
    public static Expr Rewrite(Expr chain, Func<Expr, Expr> rewrite)
    {
        var links = new List<Expr>();
        var current = chain;
        while (true)
        {
            if (current is PropertyAccessExpr property)
            {
                links.Add(current);
                current = property.Target;
            }
            else if (current is IndexAccessExpr index)
            {
                links.Add(current);
                current = index.Target;
            }
            else
            {
                break;
            }
        }

        var rebuilt = rewrite(current);
        for (int i = links.Count - 1; i >= 0; i--)
        {
            rebuilt = links[i] is PropertyAccessExpr property
                ? new PropertyAccessExpr(property.Span, rebuilt, property.Name, property.Safe)
                : new IndexAccessExpr(links[i].Span, rebuilt, rewrite(((IndexAccessExpr)links[i]).Index), ((IndexAccessExpr)links[i]).Safe);
        }

        return rebuilt;
    }
}
