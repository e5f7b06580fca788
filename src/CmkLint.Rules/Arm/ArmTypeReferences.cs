using System;
using CmkLint.Text;

namespace CmkLint.Arm;

/// <summary>
/// User-defined types of ARM languageVersion 2.0 (<c>definitions</c>, <c>$ref</c>): whether a
/// parameter accepts null, so an omitted one is <c>null</c> rather than unknown.
/// </summary>
internal static class ArmTypeReferences
{
    /// <summary>Following <c>$ref</c>s no deeper than this (a definition that refers to itself).</summary>
    private const int MaxHops = 16;

    /// <summary>Whether the definition is <c>nullable: true</c>, or refers (through <c>$ref</c>) to a nullable definition.</summary>
    public static bool IsNullable(JsonObject definition, JsonObject? definitions)
    {
        var current = definition;
        for (int hop = 0; hop < MaxHops && current is not null; hop++)
        {
            if (current.Get("nullable") is JsonBool { Value: true })
            {
                return true;
            }

            current = Target(current, definitions);
        }

        return false;
    }

    /// <summary>The <c>type</c> of the definition or of the one it refers to.</summary>
    public static string? TypeOf(JsonObject definition, JsonObject? definitions)
    {
        var current = definition;
        for (int hop = 0; hop < MaxHops && current is not null; hop++)
        {
            if (current.GetString("type") is string type)
            {
                return type;
            }

            current = Target(current, definitions);
        }

        return null;
    }

    private static JsonObject? Target(JsonObject definition, JsonObject? definitions)
    {
        const string Prefix = "#/definitions/";
        if (definitions is null || definition.GetString("$ref") is not string reference || !reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return definitions.Get(reference.Substring(Prefix.Length)) as JsonObject;
    }
}
