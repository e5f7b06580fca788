using System.Collections.Generic;
using System.Text;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>
/// Which evaluation a runtime value belongs to. <c>utcNow()</c> and <c>newGuid()</c> give a new value
/// each time a deployment evaluates them (each module instance, each parameter default), so two of
/// them are the same only when they are the same evaluation; values computed from them
/// (<c>uniqueString(utcNow())</c>) inherit that owner.
/// </summary>
internal static class RuntimeOwners
{
    /// <summary>A value of <c>utcNow()</c>/<c>newGuid()</c> that equals only itself (and copies of it).</summary>
    public static RuntimeValue Fresh(string name, Value[] a, SourceSpan span)
    {
        var sb = new StringBuilder(name).Append('(');
        for (int i = 0; i < a.Length; i++)
        {
            sb.Append(i > 0 ? ", " : string.Empty).Append(a[i].Describe());
        }

        return new RuntimeValue(sb.Append(')').ToString(), span) { Deterministic = true, Owner = new Evaluation(), Function = name, Arguments = a };
    }

    /// <summary>
    /// The owner a value computed from <paramref name="a"/> has: the one owner of its runtime
    /// arguments; a new one when they have several (then it equals only itself); null when none has one.
    /// </summary>
    public static object? Of(IReadOnlyList<Value> a)
    {
        object? owner = null;
        bool several = false;
        Collect(a, ref owner, ref several);
        return several ? new Evaluation() : owner;
    }

    private static void Collect(IReadOnlyList<Value> a, ref object? owner, ref bool several)
    {
        foreach (var v in a)
        {
            if (v is RuntimeValue { Owner: { } o })
            {
                if (owner is null)
                {
                    owner = o;
                }
                else if (!ReferenceEquals(owner, o))
                {
                    several = true;
                }
            }
            else if (v is CompositeStringValue composite)
            {
                Collect(composite.Parts, ref owner, ref several);
            }
        }
    }

    /// <summary>One evaluation of a non-deterministic function.</summary>
    private sealed class Evaluation
    {
    }
}
