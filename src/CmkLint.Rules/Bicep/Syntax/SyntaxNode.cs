using System.Collections.Generic;
using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A node of a Bicep syntax tree; every node knows its span in the source file.</summary>
internal abstract class SyntaxNode
{
    protected SyntaxNode(SourceSpan span)
    {
        Span = span;
    }

    /// <summary>Where the node is, from its first to its last token (empty for a missing node).</summary>
    public SourceSpan Span { get; }

    /// <summary>The direct child nodes, in source order.</summary>
    public abstract IEnumerable<SyntaxNode> GetChildren();

    /// <summary>This node and all nodes below it, depth first, in source order.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new Stack<IEnumerator<SyntaxNode>>();
        yield return this;
        stack.Push(GetChildren().GetEnumerator());
        while (stack.Count > 0)
        {
            var top = stack.Peek();
            if (!top.MoveNext())
            {
                top.Dispose();
                stack.Pop();
                continue;
            }

            yield return top.Current;
            stack.Push(top.Current.GetChildren().GetEnumerator());
        }
    }

    public override string ToString() => $"{GetType().Name} {Span}";
}
