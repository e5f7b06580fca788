using System;
using System.Collections.Generic;
using CmkLint.Model;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// Bicep declarations may refer to resources declared further down; the graph instantiates in list
/// order, so a resource whose name, parent, scope, condition or loop refers to another comes after it
/// (a stable topological order; a cycle, which the compiler rejects, keeps the source order).
/// </summary>
internal sealed partial class TemplateLowering
{
    private static void OrderByReferences(List<ResourceDeclaration> resources)
    {
        var bySymbol = new Dictionary<string, ResourceDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in resources)
        {
            if (r.SymbolicName is not null)
            {
                bySymbol[r.SymbolicName] = r;
            }
        }

        var ordered = new List<ResourceDeclaration>(resources.Count);
        var state = new Dictionary<ResourceDeclaration, int>();
        foreach (var r in resources)
        {
            Visit(r, bySymbol, state, ordered);
        }

        resources.Clear();
        resources.AddRange(ordered);
    }

    private static void Visit(ResourceDeclaration r, Dictionary<string, ResourceDeclaration> bySymbol, Dictionary<ResourceDeclaration, int> state, List<ResourceDeclaration> ordered)
    {
        if (state.ContainsKey(r))
        {
            return;
        }

        state[r] = 1;
        foreach (var name in ReferencedSymbols(r))
        {
            if (bySymbol.TryGetValue(name, out var dependency) && !ReferenceEquals(dependency, r) && !(state.TryGetValue(dependency, out int ds) && ds == 1))
            {
                Visit(dependency, bySymbol, state, ordered);
            }
        }

        state[r] = 2;
        ordered.Add(r);
    }

    private static IEnumerable<string> ReferencedSymbols(ResourceDeclaration r)
    {
        var names = new List<string>();
        if (r.Parent?.SymbolicName is string parent)
        {
            names.Add(parent);
        }

        if (r.ParentSymbol is not null)
        {
            names.Add(r.ParentSymbol);
        }

        Collect(r.Name, names);
        Collect(r.Condition, names);
        Collect(r.Scope, names);
        Collect(r.Loop?.Source, names);
        Collect(r.Loop?.Filter, names);
        return names;
    }

    private static void Collect(Expr? expr, List<string> names)
    {
        switch (expr)
        {
            case null:
                return;
            case SymbolExpr { Kind: SymbolKind.Resource or SymbolKind.Module } symbol:
                names.Add(symbol.Name);
                return;
            case CallExpr call:
                foreach (var a in call.Arguments)
                {
                    Collect(a, names);
                }

                return;
            case PropertyAccessExpr access:
                Collect(access.Target, names);
                return;
            case IndexAccessExpr index:
                Collect(index.Target, names);
                Collect(index.Index, names);
                return;
            case ObjectExpr obj:
                foreach (var p in obj.Properties)
                {
                    Collect(p.Value, names);
                }

                return;
            case ArrayExpr array:
                foreach (var item in array.Items)
                {
                    Collect(item, names);
                }

                return;
            case ForExpr loop:
                Collect(loop.Source, names);
                Collect(loop.Body, names);
                return;
            case LambdaExpr lambda:
                Collect(lambda.Body, names);
                return;
            case SpreadExpr spread:
                Collect(spread.Source, names);
                return;
        }
    }
}
