using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CmkLint.Cli;
using Xunit;

namespace CmkLint.Tests;

/// <summary>Every <c>cmklint</c> command line in a shell code block of README.md and docs/**/*.md still parses: its flags exist and its values are accepted.</summary>
public class DocCommandLineTests
{
    private static readonly Regex ShellBlock = new(@"^```(?:bash|sh|shell|console)[ \t]*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    public static IEnumerable<object[]> CommandLines()
    {
        var pages = new[] { Path.Combine(Repository.Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories));
        foreach (var page in pages.OrderBy(p => p, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(page).Replace("\r\n", "\n");
            foreach (Match block in ShellBlock.Matches(text))
            {
                foreach (var raw in block.Groups[1].Value.Split('\n'))
                {
                    string line = raw.Trim();
                    if (line.StartsWith("$ ", StringComparison.Ordinal))
                    {
                        line = line.Substring(2);
                    }

                    if (line.StartsWith("cmklint", StringComparison.Ordinal) && (line.Length == 7 || line[7] == ' '))
                    {
                        yield return new object[] { Path.GetRelativePath(Repository.Root, page).Replace('\\', '/'), line };
                    }
                }
            }
        }
    }

    [Fact]
    public void The_docs_show_command_lines()
    {
        Assert.True(CommandLines().Count() >= 15, "shell code blocks with cmklint command lines: " + CommandLines().Count());
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_documented_command_line_parses(string page, string line)
    {
        var words = Words(line);
        Assert.Empty(CmkLintCommand.UsageErrors(words.Skip(1).ToArray()).Select(e => $"{page}: {line}: {e}"));
    }

    [Fact]
    public void A_mistyped_flag_does_not_parse()
    {
        Assert.NotEmpty(CmkLintCommand.UsageErrors(Words("cmklint --formt sarif").Skip(1).ToArray()));
    }

    /// <summary>The words of a shell command line up to a pipe, redirection, separator or comment; quotes removed.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c == '\'' || c == '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == ' ' || c == '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '|' || c == '>' || c == ';' || c == '&' || (c == '#' && !inWord) || c == '\\')
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
