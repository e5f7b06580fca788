using System.Collections.Generic;

namespace CmkLint.Graph;

/// <summary>
/// A Bicep module waits for what its parameters refer to: the compiler puts every resource and
/// module named in <c>params</c> (a module's outputs, a resource's ID) in the deployment's
/// <c>dependsOn</c>, so the whole referenced module finishes first.
/// </summary>
internal static class ModuleParameterDependencies
{
    public static void Add(ResourceGraph graph, ResourceInstance instance)
    {
        var nested = instance.Declaration.Nested;
        if (nested is null || instance.Nested is null || nested.ParameterValues.Count == 0)
        {
            return;
        }

        var sink = new HashSet<ResourceInstance>();
        var context = instance.Context.WithDependencySink(sink);
        foreach (var pair in nested.ParameterValues)
        {
            _ = graph.Evaluator.Evaluate(pair.Value, context);
        }

        sink.Remove(instance);
        instance.AddImplicit(sink);
    }
}
