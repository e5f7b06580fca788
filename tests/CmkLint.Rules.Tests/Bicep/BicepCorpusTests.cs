using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CmkLint.Bicep.Syntax;
using Xunit;

namespace CmkLint.Rules.Tests.Bicep;

/// <summary>The parser against files nobody here wrote: the Bicep compiler's own baselines and the Azure quickstarts.</summary>
public class BicepCorpusTests
{
    // The codes the Bicep compiler reports from its lexer and parser (including its parse-diagnostics pass); the
    // other codes in the baselines are semantic and out of a parser's reach.
    private static readonly HashSet<string> ParserCodes = new HashSet<string>
    {
        "BCP001", "BCP002", "BCP003", "BCP004", "BCP005", "BCP006", "BCP007", "BCP008", "BCP009", "BCP010",
        "BCP012", "BCP013", "BCP015", "BCP016", "BCP017", "BCP018", "BCP019", "BCP020", "BCP022", "BCP023",
        "BCP024", "BCP025", "BCP064", "BCP068", "BCP087", "BCP096", "BCP097", "BCP103", "BCP112", "BCP117",
        "BCP118", "BCP123", "BCP133", "BCP140", "BCP162", "BCP167", "BCP226", "BCP236", "BCP237", "BCP238",
        "BCP243", "BCP249", "BCP266", "BCP279", "BCP300", "BCP325", "BCP346", "BCP347",
    };

    private static readonly Regex Annotation = new Regex(@"^//@\[(?<start>\d+):(?<end>\d+)\) \[(?<code>BCP\d+) \(Error\)\]", RegexOptions.Compiled);

    private static string Samples => SharedCorpus.Combine("corpus", "bicep-baselines", "samples");

    public static IEnumerable<object[]> ValidSampleFolders() =>
        Directory.GetDirectories(SharedCorpus.Combine("corpus", "bicep-baselines", "samples"))
            .Select(Path.GetFileName)
            .Where(name => !name!.StartsWith("Invalid", System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .Select(name => new object[] { name! });

    public static IEnumerable<object[]> InvalidSampleFolders() =>
        Directory.GetDirectories(SharedCorpus.Combine("corpus", "bicep-baselines", "samples"))
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Invalid", System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .Select(name => new object[] { name! });

    [Theory]
    [MemberData(nameof(ValidSampleFolders))]
    public void Valid_baseline_sample_parses_without_syntax_errors(string folder)
    {
        var files = BicepParse.FilesUnder(Path.Combine(Samples, folder), ".bicep", ".bicepparam")
            .Where(f => !f.EndsWith(".diagnostics.bicep", System.StringComparison.Ordinal))
            .ToList();
        var failures = new List<string>();
        foreach (var path in files)
        {
            var tree = BicepParse.File(path);
            if (tree.Diagnostics.Count > 0)
            {
                failures.Add($"{Path.GetRelativePath(Samples, path)}: {BicepParse.Describe(tree.Diagnostics.Take(10))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(InvalidSampleFolders))]
    public void Invalid_baseline_sample_reports_a_syntax_error_on_every_line_the_compiler_does(string folder)
    {
        var directory = Path.Combine(Samples, folder);
        var tree = BicepParse.File(Path.Combine(directory, "main.bicep"));
        var ourLines = new HashSet<int>(tree.Diagnostics.Select(d => d.Position.Line));

        var missing = new List<string>();
        foreach (var (line, code) in ParserErrorsInBaseline(Path.Combine(directory, "main.diagnostics.bicep"), tree.File.Text))
        {
            if (!ourLines.Contains(line))
            {
                missing.Add($"line {line.ToString(CultureInfo.InvariantCulture)}: {code}: {tree.File.GetLineText(line).Trim()}");
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} lines without a syntax error:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_invalid_baseline_file_parses_without_throwing()
    {
        foreach (var folder in InvalidSampleFolders().Select(row => (string)row[0]))
        {
            foreach (var path in BicepParse.FilesUnder(Path.Combine(Samples, folder), ".bicep", ".bicepparam"))
            {
                var tree = BicepParse.File(path);
                Assert.DoesNotContain(tree.Diagnostics, d => d.Code == "CMKBICEP000");
            }
        }
    }

    [Fact]
    public void Every_quickstart_bicep_and_bicepparam_file_parses_without_syntax_errors()
    {
        var root = SharedCorpus.Combine("corpus", "quickstarts");
        var files = BicepParse.FilesUnder(root, ".bicep", ".bicepparam").ToList();
        Assert.True(files.Count > 700, $"Only {files.Count} quickstart files found under {root}.");

        var failures = new List<string>();
        foreach (var path in files)
        {
            var tree = BicepParse.File(path);
            if (tree.Diagnostics.Count > 0)
            {
                failures.Add($"{Path.GetRelativePath(root, path)}: {BicepParse.Describe(tree.Diagnostics.Take(5))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} files have errors:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Decompiled_parameters_files_parse_without_syntax_errors()
    {
        var root = SharedCorpus.Combine("corpus", "bicep-baselines", "decompiler", "Parameters");
        var files = BicepParse.FilesUnder(root, ".bicepparam").ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var tree = BicepParse.File(path);
            Assert.True(tree.Diagnostics.Count == 0, path + ": " + BicepParse.Describe(tree.Diagnostics));
            Assert.Equal(BicepFileKind.Parameters, tree.Kind);
            Assert.NotNull(tree.Root.Using);
        }
    }

    [Fact]
    public void Decompiled_bicep_has_syntax_errors_only_where_the_compiler_reports_them()
    {
        // The decompiler's output carries the compiler's diagnostics as //@[...] comment lines, so a clean file
        // has none and a file with a placeholder type has a BCP279 under the offending line.
        var root = SharedCorpus.Combine("corpus", "bicep-baselines", "decompiler", "Working");
        var files = BicepParse.FilesUnder(root, ".bicep").ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (var path in files)
        {
            var tree = BicepParse.File(path);
            var expectedLines = new HashSet<int>();
            var lines = File.ReadAllLines(path);
            for (int i = 1; i < lines.Length; i++)
            {
                var match = Annotation.Match(lines[i]);
                if (match.Success && ParserCodes.Contains(match.Groups["code"].Value))
                {
                    expectedLines.Add(i);
                }
            }

            var actualLines = new HashSet<int>(tree.Diagnostics.Select(d => d.Position.Line));
            if (!actualLines.SetEquals(expectedLines))
            {
                failures.Add($"{Path.GetRelativePath(root, path)}: expected errors on [{string.Join(", ", expectedLines)}], got {BicepParse.Describe(tree.Diagnostics.Take(5))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The 1-based lines of main.bicep where a parser-level error of the annotated baseline starts. Each diagnostic
    /// is a <c>//@[start:end) [BCPnnn (Error)] ...</c> line placed under the line that holds the span's last
    /// character; start is a column of the line where the span starts and end is start plus the span's length.
    /// </summary>
    private static IEnumerable<(int Line, string Code)> ParserErrorsInBaseline(string path, string source)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n' || (source[i] == '\r' && (i + 1 == source.Length || source[i + 1] != '\n')))
            {
                lineStarts.Add(i + 1);
            }
        }

        int codeLine = 0;
        var seen = new HashSet<int>();
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("//@[", System.StringComparison.Ordinal))
            {
                codeLine++;
                continue;
            }

            var match = Annotation.Match(line);
            if (!match.Success || !ParserCodes.Contains(match.Groups["code"].Value))
            {
                continue;
            }

            int column = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
            int length = int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture) - column;
            int startLine = StartLine(lineStarts, source.Length, codeLine, column, length);
            if (seen.Add(startLine))
            {
                yield return (startLine, match.Groups["code"].Value);
            }
        }
    }

    private static int StartLine(List<int> lineStarts, int textLength, int lastLine, int column, int length)
    {
        if (length == 0)
        {
            return lastLine;
        }

        int lastLineStart = lineStarts[lastLine - 1];
        int lastLineEnd = lastLine < lineStarts.Count ? lineStarts[lastLine] : textLength + 1;
        for (int line = lastLine; line >= 1; line--)
        {
            int lastCharacter = lineStarts[line - 1] + column + length - 1;
            if (lastCharacter >= lastLineStart && lastCharacter < lastLineEnd)
            {
                return line;
            }
        }

        return lastLine;
    }
}
