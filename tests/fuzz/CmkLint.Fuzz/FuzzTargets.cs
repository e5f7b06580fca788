using System;
using System.Collections.Generic;
using CmkLint.Arm;
using CmkLint.Bicep;
using CmkLint.Text;

namespace CmkLint.Fuzz;

/// <summary>
/// The fuzz targets: each takes raw bytes as AFL gives them and runs one front end over them. The corpus
/// replay test (tests/CmkLint.Rules.Tests/Hostile/FuzzCorpusTests.cs) calls the same methods, so a
/// committed crashing input fails <c>dotnet test</c> the way it crashed the fuzzer.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The target names, as given to the harness and used as corpus folder names.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "json", "arm-expression", "bicep" };

    /// <summary>Runs the named target over one input; any exception escapes (that is a finding).</summary>
    public static void Run(string target, byte[] input)
    {
        switch (target)
        {
            case "json":
                Json(input);
                break;
            case "arm-expression":
                ArmExpression(input);
                break;
            case "bicep":
                Bicep(input);
                break;
            default:
                throw new ArgumentException($"unknown fuzz target '{target}' (expected one of: {string.Join(", ", Names)})", nameof(target));
        }
    }

    /// <summary>The JSON reader, then the ARM template reader over what it read (as the engine does).</summary>
    public static void Json(byte[] input)
    {
        var file = Decode("/fuzz/main.json", input);
        if (file is null)
        {
            return;
        }

        JsonParser.Parse(file, out _);
        ArmTemplateReader.Read(file);
    }

    /// <summary>One ARM template expression: the input is the text between the brackets of <c>"[...]"</c>.</summary>
    public static void ArmExpression(byte[] input)
    {
        var decoded = Decode("/fuzz/expression.txt", input);
        if (decoded is null)
        {
            return;
        }

        string value = "[" + decoded.Text + "]";
        var file = new SourceFile("/fuzz/main.json", "\"" + value + "\"");
        ArmExpressionParser.ParseStringValue(new JsonString(file.Span(0, file.Text.Length), value, hasEscapes: true), out _);
    }

    /// <summary>The Bicep parser and the lowering into the template model (modules are not followed).</summary>
    public static void Bicep(byte[] input)
    {
        var file = Decode("/fuzz/main.bicep", input);
        if (file is null)
        {
            return;
        }

        BicepFrontEnd.LowerTemplate(file);
    }

    private static SourceFile? Decode(string path, byte[] input)
    {
        // Input that is not valid UTF-8 is reported by the decoder before any front end sees it.
        string? text = SourceDecoder.Decode(input, out _, out _);
        return text is null ? null : new SourceFile(path, text);
    }
}
