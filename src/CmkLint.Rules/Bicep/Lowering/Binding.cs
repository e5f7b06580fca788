namespace CmkLint.Bicep.Lowering;

/// <summary>What a Bicep name refers to while lowering.</summary>
internal enum BindingKind
{
    Parameter,
    Variable,
    Resource,
    Module,

    /// <summary>A loop item or index variable, a lambda or function parameter.</summary>
    Local,

    /// <summary>A user-defined function (local or imported); <see cref="Binding.ModelName"/> is its key in <c>Template.Functions</c>.</summary>
    Function,

    /// <summary>The alias of <c>import * as alias from ...</c>.</summary>
    ImportNamespace,

    /// <summary>The alias of an <c>extension ... as alias</c>: its configuration is not evaluated.</summary>
    Extension,

    /// <summary>An imported symbol that could not be loaded (a CMK901 note says why).</summary>
    Unresolved,
}

/// <summary>A name's meaning: its kind and the name the model knows it by (nested resources are <c>parent::child</c>).</summary>
internal readonly struct Binding
{
    public Binding(BindingKind kind, string modelName)
    {
        Kind = kind;
        ModelName = modelName;
    }

    public BindingKind Kind { get; }

    public string ModelName { get; }
}
