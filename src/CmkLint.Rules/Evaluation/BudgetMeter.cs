using System.Collections.Generic;
using System.Threading;
using CmkLint.Diagnostics;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Evaluation;

/// <summary>The limits a <see cref="BudgetMeter"/> enforces (set from the engine's analysis budgets).</summary>
public sealed record BudgetLimits(int EvaluationDepth, int DeploymentDepth, long Steps, int StringLength, int Elements, long ValueBytes, int Instances, int Modules, int FileSeconds)
{
    /// <summary>The documented defaults.</summary>
    public static BudgetLimits Default { get; } = new(
        AnalysisBudgets.DefaultEvaluationDepth,
        AnalysisBudgets.DefaultDeploymentDepth,
        AnalysisBudgets.DefaultSteps,
        AnalysisBudgets.DefaultStringLength,
        AnalysisBudgets.DefaultElements,
        AnalysisBudgets.DefaultValueBytes,
        AnalysisBudgets.DefaultInstances,
        AnalysisBudgets.DefaultModules,
        AnalysisBudgets.DefaultFileSeconds);
}

/// <summary>
/// Counts the work of analysing one file (all its entry points) against its budgets. Past a budget the
/// evaluator returns an unknown and one CMK901 names the budget where it ran out; once the step
/// budget is spent or the file's time is up, every further evaluation is unknown at once. One meter
/// serves one thread.
/// </summary>
public sealed class BudgetMeter
{
    private readonly CancellationToken cancellation;
    private readonly HashSet<string> reported = new(System.StringComparer.Ordinal);
    private UnknownValue? stopped;

    /// <summary>A fresh meter for one file's analysis, with the limits of <paramref name="budgets"/>.</summary>
    public static BudgetMeter For(AnalysisBudgets budgets, CancellationToken cancellation) => new(
        new BudgetLimits(budgets.EvaluationDepth, budgets.DeploymentDepth, budgets.Steps, budgets.StringLength, budgets.Elements, budgets.ValueBytes, budgets.Instances, budgets.Modules, budgets.FileSeconds),
        cancellation);

    public BudgetMeter(BudgetLimits limits, CancellationToken cancellation = default)
    {
        Limits = limits;
        this.cancellation = cancellation;
    }

    public BudgetLimits Limits { get; }

    /// <summary>Function calls, lambda calls and loop iterations evaluated so far.</summary>
    public long Steps { get; private set; }

    /// <summary>CMK901 diagnostics for the budgets that ran out, one per budget and construct.</summary>
    public List<Finding> Diagnostics { get; } = new();

    /// <summary>Set once the step budget is spent or the time is up: nothing more is evaluated.</summary>
    public bool Stopped => stopped is not null;

    /// <summary>Whether the file's wall-clock budget ran out.</summary>
    public bool TimedOut { get; private set; }

    /// <summary>The unknown every evaluation returns once <see cref="Stopped"/>.</summary>
    public UnknownValue? StoppedValue => stopped;

    /// <summary>Counts one step; the unknown to return instead when the steps or the time are used up.</summary>
    public UnknownValue? Step(SourceSpan span)
    {
        if (stopped is not null)
        {
            return stopped;
        }

        Steps++;
        if (Steps > Limits.Steps)
        {
            stopped = Over("steps", Limits.Steps, "evaluation steps (function and lambda calls, loop iterations)", span);
            return stopped;
        }

        if ((Steps & 0xFF) == 0 && cancellation.IsCancellationRequested)
        {
            TimedOut = true;
            stopped = new UnknownValue($"the analysis of the file took longer than its budget 'fileSeconds' ({Limits.FileSeconds} s)", span) { OverBudget = true };
            return stopped;
        }

        return null;
    }

    /// <summary>Whether the file's time is up (checked by loops that do not evaluate, such as instantiating resources).</summary>
    public bool CheckTime()
    {
        if (!TimedOut && cancellation.IsCancellationRequested)
        {
            TimedOut = true;
            stopped ??= new UnknownValue($"the analysis of the file took longer than its budget 'fileSeconds' ({Limits.FileSeconds} s)", SourceSpan.None) { OverBudget = true };
        }

        return TimedOut;
    }

    /// <summary>An unknown for a value over a budget, with one CMK901 naming the budget at the construct.</summary>
    public UnknownValue Over(string budget, long limit, string what, SourceSpan span)
    {
        string reason = $"{what} over the budget '{budget}' ({limit})";
        if (reported.Add(budget + "|" + span.File?.Path + "|" + span.StartPosition.Line))
        {
            Diagnostics.Add(InputDiagnostics.OverBudget(span, budget, limit, what));
        }

        return new UnknownValue(reason, span) { OverBudget = true };
    }

    /// <summary>The unknown for a string of <paramref name="length"/> characters when it is over the budget, else null (checked before it is built).</summary>
    public UnknownValue? CheckString(long length, SourceSpan span) =>
        length > Limits.StringLength ? Over("stringLength", Limits.StringLength, $"a string of {length} characters", span) : null;

    /// <summary>The unknown for a container of <paramref name="count"/> items when it is over the budget, else null (checked before it is built).</summary>
    public UnknownValue? CheckElements(long count, SourceSpan span) =>
        count > Limits.Elements ? Over("elements", Limits.Elements, $"an array or object of {count} items", span) : null;

    /// <summary>The unknown for a value of <paramref name="bytes"/> JSON bytes when it is over the budget, else null.</summary>
    public UnknownValue? CheckBytes(long bytes, SourceSpan span) =>
        bytes > Limits.ValueBytes ? Over("valueBytes", Limits.ValueBytes, $"a value of {bytes} bytes", span) : null;

    /// <summary>The unknown for a built value over the size budget, else null.</summary>
    public UnknownValue? Check(Value value, SourceSpan span)
    {
        switch (value)
        {
            case UnknownValue:
                return null;
            case ArrayValue array:
                foreach (var item in array.Items)
                {
                    if (item is UnknownValue { OverBudget: true } cut)
                    {
                        return cut;
                    }
                }

                break;
            case ObjectValue obj:
                foreach (var property in obj.Properties)
                {
                    if (property.Value is UnknownValue { OverBudget: true } cut)
                    {
                        return cut;
                    }
                }

                break;
        }

        return CheckBytes(value.Size, span);
    }
}
