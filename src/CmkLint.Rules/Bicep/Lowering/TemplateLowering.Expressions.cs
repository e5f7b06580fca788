using System;
using System.Collections.Generic;
using CmkLint.Bicep.Syntax;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>Bicep expressions to the model's expression tree: operators become the ARM functions the compiler emits.</summary>
internal sealed partial class TemplateLowering
{
    /// <summary>Lowers an expression; every node keeps the Bicep span it came from.</summary>
    /// <remarks>
    /// Nesting is bounded by the parser (<see cref="NestingLimit.MaxDepth"/>), chains are not: <c>1 + 1 + …</c>,
    /// <c>a.b.c…</c>, <c>x[0][0]…</c> and <c>r.f().g()…</c> nest to the left as deep as the file is long. So the
    /// chain is walked down to its start in a loop, the start lowered, and each link applied on the way back up,
    /// in source order (the left operand before the right, as the recursion did).
    /// </remarks>
    internal Expr LowerExpression(ExpressionSyntax syntax)
    {
        var current = syntax;
        List<ExpressionSyntax>? links = null;
        while (ChainBase(current) is { } inner)
        {
            (links ??= new List<ExpressionSyntax>()).Add(current);
            current = inner;
        }

        var lowered = LowerNode(current);
        if (links is not null)
        {
            for (int i = links.Count - 1; i >= 0; i--)
            {
                lowered = LowerLink(links[i], lowered);
            }
        }

        return lowered;
    }

    /// <summary>The operand a chain link applies to (its left side), or null for a node that does not continue a chain.</summary>
    private ExpressionSyntax? ChainBase(ExpressionSyntax syntax) => syntax switch
    {
        BinaryOperationSyntax b => b.Left,
        PropertyAccessSyntax p when !IsNamespaceMember(p) => p.BaseExpression,
        ArrayAccessSyntax a => a.BaseExpression,
        NonNullAssertionSyntax n => n.BaseExpression,
        ParenthesizedExpressionSyntax p => p.Expression,
        FunctionCallSyntax call when IsMethodCall(call) => call.BaseExpression,
        _ => null,
    };

    /// <summary>One chain link over its lowered left side; parentheses and <c>!</c> do not change the value.</summary>
    private Expr LowerLink(ExpressionSyntax link, Expr left) => link switch
    {
        BinaryOperationSyntax b => LowerBinary(b, left),
        PropertyAccessSyntax p => new PropertyAccessExpr(p.Span, left, p.PropertyName, p.IsSafe),
        ArrayAccessSyntax a => LowerIndex(a, left),
        FunctionCallSyntax call => LowerMethodCall(call, left),
        _ => left,
    };

    /// <summary>A node that is not a chain link (or starts one).</summary>
    private Expr LowerNode(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case StringSyntax s:
                return LowerString(s);
            case IntegerLiteralSyntax i:
                return new LiteralExpr(i.Span, i.Value <= long.MaxValue ? (object)(long)i.Value : (double)i.Value);
            case BooleanLiteralSyntax b:
                return new LiteralExpr(b.Span, b.Value);
            case NullLiteralSyntax n:
                return new LiteralExpr(n.Span, null);
            case ObjectSyntax o:
                return LowerObject(o);
            case ArraySyntax a:
                return LowerArray(a);
            case UnaryOperationSyntax u:
                return LowerUnary(u);
            case TernarySyntax t:
                return new CallExpr(t.Span, "if", new[] { LowerExpression(t.Condition), LowerExpression(t.TrueExpression), LowerExpression(t.FalseExpression) });
            case VariableAccessSyntax v:
                return LowerName(v);
            case PropertyAccessSyntax p:
                return LowerNamespaceMember(p);
            case ResourceAccessSyntax r:
                return ResourceModelName(r) is string nested
                    ? new SymbolExpr(r.Span, SymbolKind.Resource, nested)
                    : UnresolvedName(r.Span, r.ResourceName.Name);
            case FunctionCallSyntax call:
                return LowerCall(call);
            case LambdaSyntax lambda:
                return LowerLambda(lambda);
            case ForSyntax loop:
                return LowerFor(loop);
            case IfConditionSyntax condition:
                // Only valid as a resource or module body; elsewhere keep its value under the condition.
                return new CallExpr(condition.Span, "if", new[] { LowerExpression(condition.Condition), LowerExpression(condition.Body), new LiteralExpr(condition.Span, null) });
            case SpreadSyntax spread:
                return new SpreadExpr(spread.Span, LowerExpression(spread.Expression));
            case SkippedSyntax skipped:
                return new UnsupportedExpr(skipped.Span, "text with a syntax error");
            default:
                return Unsupported(syntax.Span, "a " + syntax.GetType().Name.Replace("Syntax", string.Empty) + " expression", true);
        }
    }

    private Expr Unsupported(SourceSpan span, string construct, bool report)
    {
        if (report)
        {
            Unsupported(span, construct);
        }

        return new UnsupportedExpr(span, construct);
    }

    /// <summary><c>'a${x}b'</c> is <c>concat('a', x, 'b')</c>; the evaluator keeps symbolic parts as a composite string.</summary>
    private Expr LowerString(StringSyntax s)
    {
        if (!s.IsInterpolated)
        {
            return new LiteralExpr(s.Span, s.SegmentValues[0]);
        }

        var parts = new List<Expr>(s.Expressions.Count * 2 + 1);
        for (int i = 0; i < s.SegmentValues.Count; i++)
        {
            if (s.SegmentValues[i].Length > 0)
            {
                parts.Add(new LiteralExpr(s.Span, s.SegmentValues[i]));
            }

            if (i < s.Expressions.Count)
            {
                parts.Add(LowerExpression(s.Expressions[i]));
            }
        }

        return new CallExpr(s.Span, "concat", parts);
    }

    private ObjectExpr LowerObject(ObjectSyntax o)
    {
        var properties = new List<ObjectProperty>(o.Items.Count);
        foreach (var item in o.Items)
        {
            switch (item)
            {
                case ObjectPropertySyntax property:
                    properties.Add(LowerProperty(property));
                    break;
                case SpreadSyntax spread:
                    properties.Add(new ObjectProperty("...", spread.Span, new SpreadExpr(spread.Span, LowerExpression(spread.Expression))));
                    break;
            }
        }

        return new ObjectExpr(o.Span, properties);
    }

    private ObjectProperty LowerProperty(ObjectPropertySyntax property)
    {
        var value = LowerExpression(property.Value);
        switch (property.Key)
        {
            case IdentifierSyntax identifier:
                return new ObjectProperty(identifier.Name, identifier.Span, value);
            case StringSyntax { IsInterpolated: false } text:
                return new ObjectProperty(text.SegmentValues[0], text.Span, value);
            case StringSyntax text:
                return new ObjectProperty(text.Span.Text, text.Span, value, LowerString(text));
            default:
                return new ObjectProperty(string.Empty, property.Key.Span, value, new UnsupportedExpr(property.Key.Span, "text with a syntax error"));
        }
    }

    private ArrayExpr LowerArray(ArraySyntax a)
    {
        var items = new List<Expr>(a.Items.Count);
        foreach (var item in a.Items)
        {
            items.Add(LowerExpression(item));
        }

        return new ArrayExpr(a.Span, items);
    }

    private Expr LowerUnary(UnaryOperationSyntax u)
    {
        if (u.Operator == UnaryOperator.Not)
        {
            return new CallExpr(u.Span, "not", new[] { LowerExpression(u.Operand) });
        }

        if (u.Operand is IntegerLiteralSyntax literal)
        {
            // -5 is a literal, as the compiler writes it.
            return new LiteralExpr(u.Span, literal.Value <= long.MaxValue ? (object)-(long)literal.Value : -(double)literal.Value);
        }

        return new CallExpr(u.Span, "sub", new Expr[] { new LiteralExpr(u.Span, 0L), LowerExpression(u.Operand) });
    }

    private Expr LowerBinary(BinaryOperationSyntax b, Expr left)
    {
        var right = LowerExpression(b.Right);
        var span = b.Span;
        switch (b.Operator)
        {
            case BinaryOperator.LogicalOr:
                return Call(span, "or", left, right);
            case BinaryOperator.LogicalAnd:
                return Call(span, "and", left, right);
            case BinaryOperator.Equals:
                return Call(span, "equals", left, right);
            case BinaryOperator.NotEquals:
                return new CallExpr(span, "not", new[] { Call(span, "equals", left, right) });
            case BinaryOperator.EqualsInsensitive:
                return Call(span, "equalsIgnoreCase", left, right);
            case BinaryOperator.NotEqualsInsensitive:
                return new CallExpr(span, "not", new[] { Call(span, "equalsIgnoreCase", left, right) });
            case BinaryOperator.GreaterThan:
                return Call(span, "greater", left, right);
            case BinaryOperator.GreaterThanOrEqual:
                return Call(span, "greaterOrEquals", left, right);
            case BinaryOperator.LessThan:
                return Call(span, "less", left, right);
            case BinaryOperator.LessThanOrEqual:
                return Call(span, "lessOrEquals", left, right);
            case BinaryOperator.Add:
                return Call(span, "add", left, right);
            case BinaryOperator.Subtract:
                return Call(span, "sub", left, right);
            case BinaryOperator.Multiply:
                return Call(span, "mul", left, right);
            case BinaryOperator.Divide:
                return Call(span, "div", left, right);
            case BinaryOperator.Modulo:
                return Call(span, "mod", left, right);
            case BinaryOperator.Coalesce:
                return Call(span, "coalesce", left, right);
            default:
                return Unsupported(span, "the operator " + b.Operator, true);
        }
    }

    private static CallExpr Call(SourceSpan span, string name, Expr left, Expr right) => new(span, name, new[] { left, right });

    private bool TryResolve(string name, out Binding binding)
    {
        for (int i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out binding))
            {
                return true;
            }
        }

        return globals.TryGetValue(name, out binding);
    }

    private Expr LowerName(VariableAccessSyntax v)
    {
        if (v.Name.IsMissing)
        {
            return new UnsupportedExpr(v.Span, "text with a syntax error");
        }

        if (!TryResolve(v.SymbolName, out var binding))
        {
            return UnresolvedName(v.Span, v.SymbolName);
        }

        switch (binding.Kind)
        {
            case BindingKind.Parameter:
                return new SymbolExpr(v.Span, SymbolKind.Parameter, binding.ModelName);
            case BindingKind.Variable:
                return new SymbolExpr(v.Span, SymbolKind.Variable, binding.ModelName);
            case BindingKind.Resource:
                return new SymbolExpr(v.Span, SymbolKind.Resource, binding.ModelName);
            case BindingKind.Module:
                return new SymbolExpr(v.Span, SymbolKind.Module, binding.ModelName);
            case BindingKind.Local:
                return new SymbolExpr(v.Span, SymbolKind.Local, binding.ModelName);
            case BindingKind.Unresolved:
                unresolvedValueUses.Add(v.SymbolName);
                return new UnsupportedExpr(v.Span, $"the imported symbol '{v.SymbolName}'");
            case BindingKind.Extension:
                return new UnsupportedExpr(v.Span, $"the extension '{v.SymbolName}'");
            default:
                return Unsupported(v.Span, $"'{v.SymbolName}' used as a value", true);
        }
    }

    private Expr UnresolvedImport(SourceSpan span, string key)
    {
        unresolvedValueUses.Add(key);
        return new UnsupportedExpr(span, $"the imported symbol '{key}'");
    }

    /// <summary>A name that is declared nowhere is an error the Bicep compiler reports (BCP057); so does CmkLint.</summary>
    private Expr UnresolvedName(SourceSpan span, string name)
    {
        if (name == "this" || name == "sys" || name == "az")
        {
            return Unsupported(span, $"'{name}' used as a value", true);
        }

        Invalid(span, $"BCP057: The name \"{name}\" does not exist in the current context.");
        return new UnsupportedExpr(span, $"the undeclared name '{name}'");
    }

    /// <summary>Whether <c>ns.x</c> names a member of a wildcard import <c>ns</c> (then it is a symbol, not a property access).</summary>
    private bool IsNamespaceMember(PropertyAccessSyntax p) =>
        p.BaseExpression is VariableAccessSyntax v && TryResolve(v.SymbolName, out var binding) && binding.Kind == BindingKind.ImportNamespace;

    /// <summary><c>ns.x</c> where <c>ns</c> is a wildcard import: the imported variable.</summary>
    private Expr LowerNamespaceMember(PropertyAccessSyntax p)
    {
        var v = (VariableAccessSyntax)p.BaseExpression;
        TryResolve(v.SymbolName, out var binding);
        string key = binding.ModelName + "." + p.PropertyName;
        return template.Variables.ContainsKey(key)
            ? new SymbolExpr(p.Span, SymbolKind.Variable, key)
            : UnresolvedImport(p.Span, key);
    }

    private Expr LowerIndex(ArrayAccessSyntax a, Expr target)
    {
        var index = LowerExpression(a.IndexExpression);
        if (a.IsFromEnd)
        {
            // x[^i] is x[length(x) - i].
            index = new CallExpr(a.IndexExpression.Span, "sub", new Expr[] { new CallExpr(a.Span, "length", new[] { target }), index });
        }

        return new IndexAccessExpr(a.Span, target, index, a.IsSafe);
    }

    /// <summary>The model's symbolic name of a resource reference: <c>vault</c>, or <c>vault::key</c> for a nested child; null otherwise.</summary>
    private string? ResourceModelName(ExpressionSyntax syntax)
    {
        // a::b::c… may be as long as the file: collect the child names down to the root resource in a loop.
        var children = new List<string>();
        var current = syntax;
        while (true)
        {
            switch (current)
            {
                case ResourceAccessSyntax r:
                    if (r.ResourceName.IsMissing)
                    {
                        return null;
                    }

                    children.Add(r.ResourceName.Name);
                    current = r.BaseExpression;
                    continue;
                case ParenthesizedExpressionSyntax p:
                    current = p.Expression;
                    continue;
                case NonNullAssertionSyntax n:
                    current = n.BaseExpression;
                    continue;
                case VariableAccessSyntax v when TryResolve(v.SymbolName, out var binding) && binding.Kind == BindingKind.Resource:
                    string name = binding.ModelName;
                    for (int i = children.Count - 1; i >= 0; i--)
                    {
                        name = name + "::" + children[i];
                        if (!KnownNestedResource(name))
                        {
                            return null;
                        }
                    }

                    return name;
                default:
                    return null;
            }
        }
    }

    private readonly HashSet<string> nestedResourceNames = new(StringComparer.Ordinal);

    private bool KnownNestedResource(string name) => nestedResourceNames.Contains(name);

    private Expr LowerCall(FunctionCallSyntax call)
    {
        string name = call.FunctionName;
        var span = call.Span;
        if (call.Name.IsMissing)
        {
            return new UnsupportedExpr(span, "text with a syntax error");
        }

        if (call.BaseExpression is null)
        {
            if (TryResolve(name, out var binding) && binding.Kind == BindingKind.Function)
            {
                return new CallExpr(span, binding.ModelName, LowerArguments(call));
            }

            return BuiltIn(call, name);
        }

        string qualifier = call.Qualifier!;
        if (TryResolve(qualifier, out var q) && q.Kind == BindingKind.ImportNamespace)
        {
            string key = FunctionNamespace + "." + q.ModelName + "." + name;
            return template.Functions.ContainsKey(key) ? new CallExpr(span, key, LowerArguments(call)) : new UnsupportedExpr(span, $"the imported function '{qualifier}.{name}'");
        }

        // An extension's function, or sys.f() / az.f().
        return BuiltIn(call, name);
    }

    /// <summary>Whether <c>x.f()</c> is a method on a value (lowered after <c>x</c>) rather than a namespace-qualified function.</summary>
    private bool IsMethodCall(FunctionCallSyntax call)
    {
        if (call.Name.IsMissing || call.BaseExpression is null)
        {
            return false;
        }

        string? qualifier = call.Qualifier;
        if (qualifier is null)
        {
            return true;
        }

        return TryResolve(qualifier, out var q)
            ? q.Kind != BindingKind.ImportNamespace && q.Kind != BindingKind.Extension
            : qualifier != "sys" && qualifier != "az";
    }

    /// <summary>A method on a resource: stg.listKeys(), kv.getSecret('name'): the resource's ID goes first, as in ARM.</summary>
    private Expr LowerMethodCall(FunctionCallSyntax call, Expr target)
    {
        string name = call.FunctionName;
        var span = call.Span;
        var args = new List<Expr> { new PropertyAccessExpr(call.BaseExpression!.Span, target, "id") };
        args.AddRange(LowerArguments(call));
        return new CallExpr(span, name, args);
    }

    private List<Expr> LowerArguments(FunctionCallSyntax call)
    {
        var args = new List<Expr>(call.Arguments.Count);
        foreach (var a in call.Arguments)
        {
            args.Add(LowerExpression(a));
        }

        return args;
    }

    /// <summary>Bicep's built-in functions: most keep their ARM name; a few are resolved at compile time.</summary>
    private Expr BuiltIn(FunctionCallSyntax call, string name)
    {
        switch (name)
        {
            case "any":
                // any() only changes the type the compiler checks; the value is its argument.
                return call.Arguments.Count == 1 ? LowerExpression(call.Arguments[0]) : new UnsupportedExpr(call.Span, "any() with other than one argument");
            case "nameof":
                return call.Arguments.Count == 1 && NameOf(call.Arguments[0]) is string text
                    ? new LiteralExpr(call.Span, text)
                    : Unsupported(call.Span, "nameof() of an expression", true);
        }

        if (name.StartsWith("load", StringComparison.Ordinal) && LoadContent(call, name) is { } content)
        {
            return content;
        }

        return new CallExpr(call.Span, name, LowerArguments(call));
    }

    private static string? NameOf(ExpressionSyntax argument) => argument switch
    {
        VariableAccessSyntax v => v.SymbolName,
        PropertyAccessSyntax p => p.PropertyName,
        ArrayAccessSyntax { IndexExpression: StringSyntax { Value: string key } } => key,
        ResourceAccessSyntax r => r.ResourceName.Name,
        _ => null,
    };

    private Expr LowerLambda(LambdaSyntax lambda)
    {
        var names = new List<string>(lambda.Parameters.Count);
        var scope = new Dictionary<string, Binding>(StringComparer.Ordinal);
        foreach (var p in lambda.Parameters)
        {
            if (!p.IsMissing)
            {
                names.Add(p.Name);
                scope[p.Name] = new Binding(BindingKind.Local, p.Name);
            }
        }

        scopes.Add(scope);
        var body = LowerExpression(lambda.Body);
        scopes.RemoveAt(scopes.Count - 1);
        return new LambdaExpr(lambda.Span, names, body);
    }

    /// <summary><c>[for (x, i) in xs: if (c) body]</c> in a value: a loop that yields an array.</summary>
    private Expr LowerFor(ForSyntax loop)
    {
        var source = LowerExpression(loop.Expression);
        var scope = new Dictionary<string, Binding>(StringComparer.Ordinal);
        string? item = loop.ItemVariable.IsMissing ? null : loop.ItemVariable.Name;
        string? index = loop.IndexVariable is { IsMissing: false } i ? i.Name : null;
        if (item is not null)
        {
            scope[item] = new Binding(BindingKind.Local, item);
        }

        if (index is not null)
        {
            scope[index] = new Binding(BindingKind.Local, index);
        }

        scopes.Add(scope);
        Expr? filter = null;
        var bodySyntax = loop.Body;
        if (bodySyntax is IfConditionSyntax condition)
        {
            filter = LowerExpression(condition.Condition);
            bodySyntax = condition.Body;
        }

        var body = LowerExpression(bodySyntax);
        scopes.RemoveAt(scopes.Count - 1);
        return new ForExpr(loop.Span, source, false, item, index, body, filter);
    }
}
