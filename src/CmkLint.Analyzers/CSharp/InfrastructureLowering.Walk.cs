using CmkLint.Model;
using CmkLint.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// Statements in program order: blocks, declarations, <c>if</c> (both branches, each under its condition),
/// loops and <c>try</c> (their bodies under a condition that is not known), returns, and expressions read
/// for what they do (assignments, calls, creations).
/// </summary>
internal sealed partial class InfrastructureLowering
{
    private Expr? condition;
    private int steps;
    private bool exhausted;

    /// <summary>Counts one operation against <see cref="MaxSteps"/>; false once the budget is spent.</summary>
    private bool Step()
    {
        if (++steps > MaxSteps)
        {
            exhausted = true;
            return false;
        }

        return true;
    }

    private void Walk(IOperation? operation)
    {
        if (operation is null || frame.Returned || !Step())
        {
            return;
        }

        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    Walk(statement);
                }

                break;
            case IMethodBodyBaseOperation body:
                Walk((IOperation?)body.BlockBody ?? body.ExpressionBody);
                break;
            case IExpressionStatementOperation statement:
                Evaluate(statement.Operation);
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        Declare(declarator, declaration.Initializer);
                    }
                }

                break;
            case IConditionalOperation branch when branch.Type is null || branch.Type.SpecialType == SpecialType.System_Void:
                Branch(branch);
                break;
            case IReturnOperation { Kind: OperationKind.Return } ret:
                Return(ret);
                break;
            case ILocalFunctionOperation:
                // Read where it is called, with its arguments.
                break;
            case ILoopOperation loop:
                UnderUnknownCondition(loop.Syntax, () => Walk(loop.Body));
                break;
            case ITryOperation attempt:
                Walk(attempt.Body);
                foreach (var handler in attempt.Catches)
                {
                    UnderUnknownCondition(handler.Syntax, () => Walk(handler.Handler));
                }

                Walk(attempt.Finally);
                break;
            case IUsingOperation scope:
                Walk(scope.Resources);
                Walk(scope.Body);
                break;
            case ILockOperation locked:
                Walk(locked.Body);
                break;
            case ILabeledOperation labeled:
                Walk(labeled.Operation);
                break;
            default:
                Evaluate(operation);
                break;
        }
    }

    /// <summary>An expression read for its effects: assignments, calls, creations, and the expressions inside others.</summary>
    private void Evaluate(IOperation? operation)
    {
        if (operation is null || !Step())
        {
            return;
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                Assign(assignment);
                break;
            case IInvocationOperation invocation:
                Invoke(invocation);
                break;
            case IObjectCreationOperation creation:
                Lower(creation);
                break;
            case IAnonymousFunctionOperation or IDelegateCreationOperation or ILocalFunctionOperation:
                // A lambda that is only stored: read when it is passed to a call.
                break;
            default:
                foreach (var child in operation.ChildOperations)
                {
                    Evaluate(child);
                }

                break;
        }
    }

    private void Declare(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? shared)
    {
        var initializer = declarator.Initializer ?? shared;
        object? value = initializer is null ? null : Lower(initializer.Value);
        SetLocal(declarator.Symbol, AdoptIfResource(declarator.Symbol.Type, value, declarator.Syntax, declarator.Symbol.Name));
    }

    private void Branch(IConditionalOperation branch)
    {
        var test = AsExpr(branch.Condition);
        if (test is LiteralExpr { Value: bool known })
        {
            Walk(known ? branch.WhenTrue : branch.WhenFalse);
            return;
        }

        var outer = condition;
        condition = ModelConditional.And(outer, test);
        Walk(branch.WhenTrue);
        bool returnedWhenTrue = frame.Returned;
        frame.Returned = false;
        condition = ModelConditional.And(outer, ModelConditional.Not(test));
        Walk(branch.WhenFalse);
        bool returnedWhenFalse = frame.Returned;
        frame.Returned = false;
        condition = outer;

        // What follows runs only when a branch that returned was not taken.
        if (returnedWhenTrue && returnedWhenFalse)
        {
            frame.Returned = true;
        }
        else if (returnedWhenTrue)
        {
            condition = ModelConditional.And(outer, ModelConditional.Not(test));
        }
        else if (returnedWhenFalse)
        {
            condition = ModelConditional.And(outer, test);
        }
    }

    private void UnderUnknownCondition(SyntaxNode syntax, System.Action walk)
    {
        var outer = condition;
        condition = ModelConditional.And(outer, new UnsupportedExpr(SpanOf(syntax), "whether this loop body, catch clause or branch runs"));
        walk();
        frame.Returned = false;
        condition = outer;
    }

    /// <summary>A value written now: itself when unconditional, else the value under the current condition with <paramref name="before"/> otherwise.</summary>
    private object Conditioned(object value, object? before, SourceSpan span) =>
        condition is null ? value : new ModelConditional(condition, value, before, span);
}
