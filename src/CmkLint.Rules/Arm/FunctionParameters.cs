using System;
using System.Collections.Generic;
using CmkLint.Model;

namespace CmkLint.Arm;

/// <summary>In an ARM user function, <c>parameters('x')</c> names the function's own parameter: rewrite it to a local.</summary>
internal static class FunctionParameters
{
    public static Expr Bind(Expr expr, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return expr;
        }

        switch (expr)
        {
            case CallExpr call:
                if (string.Equals(call.Name, "parameters", StringComparison.OrdinalIgnoreCase)
                    && call.Arguments.Count == 1
                    && call.Arguments[0] is LiteralExpr { Value: string name }
                    && Contains(names, name))
                {
                    return new SymbolExpr(call.Span, SymbolKind.Local, name);
                }

                var args = new Expr[call.Arguments.Count];
                for (int i = 0; i < args.Length; i++)
                {
                    args[i] = Bind(call.Arguments[i], names);
                }

                return new CallExpr(call.Span, call.Name, args);
            case PropertyAccessExpr or IndexAccessExpr:
                return AccessChain.Rewrite(expr, e => Bind(e, names));
            case ObjectExpr obj:
                var props = new List<ObjectProperty>(obj.Properties.Count);
                foreach (var p in obj.Properties)
                {
                    props.Add(new ObjectProperty(p.Name, p.NameSpan, Bind(p.Value, names), p.NameExpr is null ? null : Bind(p.NameExpr, names)));
                }

                return new ObjectExpr(obj.Span, props);
            case ArrayExpr array:
                var items = new List<Expr>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    items.Add(Bind(item, names));
                }

                return new ArrayExpr(array.Span, items);
            default:
                return expr;
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var n in names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
