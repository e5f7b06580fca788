using System;

namespace CmkLint.Loading;

/// <summary>
/// The work and size limits of analysing one file (docs/security.md, "Budgets"). A file is written by
/// whoever opened the pull request: past a limit the value is unknown, a CMK901 names the budget at
/// the expression, and the checks that depend on it are inconclusive. Each default is a named constant;
/// <c>cmklint.json</c> overrides them in its <c>budgets</c> section.
/// </summary>
public sealed class AnalysisBudgets
{
    /// <summary>Nested evaluations (an expression inside an expression, a variable, parameter or output read from another, a function or lambda call).</summary>
    public const int DefaultEvaluationDepth = 1000;

    /// <summary>Nested deployments and modules inside one another (ARM allows 64 levels of nested deployments).</summary>
    public const int DefaultDeploymentDepth = 64;

    /// <summary>Function calls, lambda calls and loop iterations evaluated for one file, all its entry points together.</summary>
    public const long DefaultSteps = 1_000_000;

    /// <summary>Characters of any string built (ARM's limit for a whole template is 4 MB).</summary>
    public const int DefaultStringLength = 4 * 1024 * 1024;

    /// <summary>Items of any array or properties of any object built.</summary>
    public const int DefaultElements = 100_000;

    /// <summary>Size of any value built, as the bytes of its JSON text (a value that repeats a part counts it each time).</summary>
    public const long DefaultValueBytes = 16L * 1024 * 1024;

    /// <summary>Resource and module instances of one entry point, across loops, nested deployments and modules.</summary>
    public const int DefaultInstances = 20_000;

    /// <summary>Module and nested-deployment instantiations of one entry point (equal calls are evaluated once).</summary>
    public const int DefaultModules = 1_000;

    /// <summary>Wall-clock seconds for one file, the last line of defence behind the other budgets.</summary>
    public const int DefaultFileSeconds = 30;

    /// <summary>The names used in <c>cmklint.json</c> and in CMK901 messages, in the order documented.</summary>
    public static readonly string[] Names = { "evaluationDepth", "deploymentDepth", "steps", "stringLength", "elements", "valueBytes", "instances", "modules", "fileSeconds" };

    /// <summary>See <see cref="DefaultEvaluationDepth"/>.</summary>
    public int EvaluationDepth { get; set; } = DefaultEvaluationDepth;

    /// <summary>See <see cref="DefaultDeploymentDepth"/>.</summary>
    public int DeploymentDepth { get; set; } = DefaultDeploymentDepth;

    /// <summary>See <see cref="DefaultSteps"/>.</summary>
    public long Steps { get; set; } = DefaultSteps;

    /// <summary>See <see cref="DefaultStringLength"/>.</summary>
    public int StringLength { get; set; } = DefaultStringLength;

    /// <summary>See <see cref="DefaultElements"/>.</summary>
    public int Elements { get; set; } = DefaultElements;

    /// <summary>See <see cref="DefaultValueBytes"/>.</summary>
    public long ValueBytes { get; set; } = DefaultValueBytes;

    /// <summary>See <see cref="DefaultInstances"/>.</summary>
    public int Instances { get; set; } = DefaultInstances;

    /// <summary>See <see cref="DefaultModules"/>.</summary>
    public int Modules { get; set; } = DefaultModules;

    /// <summary>See <see cref="DefaultFileSeconds"/>.</summary>
    public int FileSeconds { get; set; } = DefaultFileSeconds;

    /// <summary>Sets a budget by its <c>cmklint.json</c> name; false when there is no such budget.</summary>
    public bool TrySet(string name, long value)
    {
        int small = (int)Math.Min(value, int.MaxValue);
        switch (name)
        {
            case "evaluationDepth": EvaluationDepth = small; return true;
            case "deploymentDepth": DeploymentDepth = small; return true;
            case "steps": Steps = value; return true;
            case "stringLength": StringLength = small; return true;
            case "elements": Elements = small; return true;
            case "valueBytes": ValueBytes = value; return true;
            case "instances": Instances = small; return true;
            case "modules": Modules = small; return true;
            case "fileSeconds": FileSeconds = small; return true;
            default: return false;
        }
    }
}
