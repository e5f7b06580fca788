using System.Collections.Generic;
using CmkLint.Bicep.Syntax;
using CmkLint.Model;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// Type aliases declared nullable (<c>type cmk = { ... }?</c>, or an alias of such a type): a
/// parameter of that type that the caller omits is <c>null</c>, as the compiler's
/// <c>nullable: true</c> says, not an unknown value.
/// </summary>
internal static class NullableTypeAliases
{
    /// <summary>Records the file's nullable aliases in <see cref="Template.NullableTypes"/> (imported ones are added by the import).</summary>
    public static void Collect(ProgramSyntax program, Template template)
    {
        // An alias may name an alias declared below it: repeat until nothing changes (bounded by the number of aliases).
        var types = program.Types;
        for (int round = 0; round <= types.Count; round++)
        {
            bool added = false;
            foreach (var type in types)
            {
                if (!type.Name.IsMissing && !template.NullableTypes.Contains(type.Name.Name) && IsNullable(type.Value, template))
                {
                    template.NullableTypes.Add(type.Name.Name);
                    added = true;
                }
            }

            if (!added)
            {
                return;
            }
        }
    }

    /// <summary>Whether a type as written accepts null: <c>T?</c>, a nullable alias, or a parenthesised one.</summary>
    public static bool IsNullable(TypeSyntax? type, Template template) => type switch
    {
        NullableTypeSyntax => true,
        ParenthesizedTypeSyntax parenthesized => IsNullable(parenthesized.Type, template),
        TypeVariableAccessSyntax named => template.NullableTypes.Contains(named.TypeName),
        _ => false,
    };

    /// <summary>Imported symbols that are nullable aliases in their file stay nullable under their local name.</summary>
    public static void Import(Template source, string original, string local, Template target)
    {
        if (source.NullableTypes.Contains(original))
        {
            target.NullableTypes.Add(local);
        }
    }
}
