namespace CmkLint.Bicep.Syntax;

/// <summary>Bicep's prefix operators.</summary>
internal enum UnaryOperator
{
    /// <summary><c>!</c></summary>
    Not,

    /// <summary><c>-</c></summary>
    Minus,
}

/// <summary>Bicep's binary operators.</summary>
internal enum BinaryOperator
{
    /// <summary><c>||</c></summary>
    LogicalOr,

    /// <summary><c>&amp;&amp;</c></summary>
    LogicalAnd,

    /// <summary><c>==</c></summary>
    Equals,

    /// <summary><c>!=</c></summary>
    NotEquals,

    /// <summary><c>=~</c> (case-insensitive equality)</summary>
    EqualsInsensitive,

    /// <summary><c>!~</c> (case-insensitive inequality)</summary>
    NotEqualsInsensitive,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c></summary>
    Divide,

    /// <summary><c>%</c></summary>
    Modulo,

    /// <summary><c>??</c></summary>
    Coalesce,
}
