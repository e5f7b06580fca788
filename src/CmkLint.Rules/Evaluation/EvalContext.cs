using System;
using System.Collections.Generic;
using CmkLint.Graph;

namespace CmkLint.Evaluation;

/// <summary>
/// What an expression sees besides its deployment: copy indexes, loop and lambda variables, and
/// where to record the resources it refers to (implicit dependencies). Immutable; extending it is cheap.
/// </summary>
public sealed class EvalContext
{
    private readonly Binding? locals;
    private readonly CopyBinding? copies;

    public EvalContext(Deployment deployment)
        : this(deployment, null, null, null)
    {
    }

    private EvalContext(Deployment deployment, Binding? locals, CopyBinding? copies, HashSet<ResourceInstance>? sink)
    {
        Deployment = deployment;
        this.locals = locals;
        this.copies = copies;
        DependencySink = sink;
    }

    public Deployment Deployment { get; }

    /// <summary>Collects the resources an expression refers to, when the caller wants to know.</summary>
    public HashSet<ResourceInstance>? DependencySink { get; }

    public EvalContext WithLocal(string name, Value value) =>
        new(Deployment, new Binding(name, value, locals), copies, DependencySink);

    public EvalContext WithCopyIndex(string? copyName, int index) =>
        new(Deployment, locals, new CopyBinding(copyName, index, copies), DependencySink);

    public EvalContext WithDependencySink(HashSet<ResourceInstance>? sink) =>
        new(Deployment, locals, copies, sink);

    /// <summary>A context for a user function body: only its parameters are visible, not the caller's locals.</summary>
    public EvalContext ForFunctionBody() => new(Deployment, null, null, DependencySink);

    /// <summary>The same bindings in another deployment (outer-scope nested templates share the caller's).</summary>
    public EvalContext InDeployment(Deployment deployment) => new(deployment, locals, copies, DependencySink);

    public bool TryGetLocal(string name, out Value value)
    {
        for (var b = locals; b is not null; b = b.Next)
        {
            if (string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = b.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>The index of the named copy loop, or of the innermost one when no name is given.</summary>
    public int? GetCopyIndex(string? copyName)
    {
        for (var c = copies; c is not null; c = c.Next)
        {
            if (copyName is null || string.Equals(c.Name, copyName, StringComparison.OrdinalIgnoreCase))
            {
                return c.Index;
            }
        }

        return null;
    }

    public void RecordDependency(ResourceInstance instance) => DependencySink?.Add(instance);

    private sealed class Binding
    {
        public Binding(string name, Value value, Binding? next)
        {
            Name = name;
            Value = value;
            Next = next;
        }

        public string Name { get; }

        public Value Value { get; }

        public Binding? Next { get; }
    }

    private sealed class CopyBinding
    {
        public CopyBinding(string? name, int index, CopyBinding? next)
        {
            Name = name;
            Index = index;
            Next = next;
        }

        public string? Name { get; }

        public int Index { get; }

        public CopyBinding? Next { get; }
    }
}
