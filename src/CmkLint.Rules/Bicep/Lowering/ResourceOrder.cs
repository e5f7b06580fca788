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

    /// <summary>Depth-first, with an explicit stack: a chain of resources each naming the previous one is as long as the file.</summary>
    private static void Visit(ResourceDeclaration root, Dictionary<string, ResourceDeclaration> bySymbol, Dictionary<ResourceDeclaration, int> state, List<ResourceDeclaration> ordered)
    {
        if (state.ContainsKey(root))
        {
            return;
        }

        // Each frame is a resource and the dependencies still to visit before it is placed.
        var stack = new Stack<(ResourceDeclaration Resource, IEnumerator<string> Dependencies)>();
        state[root] = 1;
        stack.Push((root, ReferencedSymbols(root).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (r, dependencies) = stack.Peek();
            if (dependencies.MoveNext())
            {
                if (bySymbol.TryGetValue(dependencies.Current, out var dependency) && !ReferenceEquals(dependency, r) && !state.ContainsKey(dependency))
                {
                    state[dependency] = 1;
                    stack.Push((dependency, ReferencedSymbols(dependency).GetEnumerator()));
                }

                continue;
            }

            stack.Pop();
            state[r] = 2;
            ordered.Add(r);
        }
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

    /// <summary>The resources and modules an expression names, walked with an explicit stack (chains are as long as the file).</summary>
    private static void Collect(Expr? root, List<string> names)
    {
        var pending = new Stack<Expr?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case SymbolExpr { Kind: SymbolKind.Resource or SymbolKind.Module } symbol:
                    names.Add(symbol.Name);
                    break;
                case CallExpr call:
                    PushReversed(pending, call.Arguments, e => e);
                    break;
                case PropertyAccessExpr access:
                    pending.Push(access.Target);
                    break;
                case IndexAccessExpr index:
                    pending.Push(index.Index);
                    pending.Push(index.Target);
                    break;
                case ObjectExpr obj:
                    PushReversed(pending, obj.Properties, p => p.Value);
                    break;
                case ArrayExpr array:
                    PushReversed(pending, array.Items, e => e);
                    break;
                case ForExpr loop:
                    pending.Push(loop.Body);
                    pending.Push(loop.Source);
                    break;
                case LambdaExpr lambda:
                    pending.Push(lambda.Body);
                    break;
                case SpreadExpr spread:
                    pending.Push(spread.Source);
                    break;
            }
        }
    }

    /// <summary>Pushes the items last first, so that they are popped in source order (the order names were collected in before).</summary>
    private static void PushReversed<T>(Stack<Expr?> pending, IReadOnlyList<T> items, Func<T, Expr> expression)
    {
        for (int i = items.Count - 1; i >= 0; i--)
        {
            pending.Push(expression(items[i]));
        }
    }
}
