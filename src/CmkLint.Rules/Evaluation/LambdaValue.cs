using CmkLint.Model;

namespace CmkLint.Evaluation;

/// <summary>A lambda with the context it was written in, passed to <c>filter</c>, <c>map</c>, <c>reduce</c>...</summary>
public sealed class LambdaValue : Value
{
    public LambdaValue(LambdaExpr lambda, EvalContext context)
        : base(lambda.Span)
    {
        Lambda = lambda;
        Context = context;
    }

    public LambdaExpr Lambda { get; }

    public EvalContext Context { get; }

    public override ValueState State => ValueState.Symbolic;

    public override string Describe() => "lambda";
}
