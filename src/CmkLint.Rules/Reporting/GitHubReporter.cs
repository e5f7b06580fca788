using System.IO;
using System.Text;
using CmkLint.Diagnostics;
using CmkLint.Text;

namespace CmkLint.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CMK001::message</c>):
/// annotations on the pull request without code scanning. Paths are relative to the repository root;
/// values are escaped as the runner requires (data: <c>%</c>, CR, LF; properties also <c>:</c> and <c>,</c>).
/// </summary>
public static class GitHubReporter
{
    public static void Write(TextWriter writer, ReportRun run)
    {
        foreach (var finding in run.Findings)
        {
            if (finding.IsSuppressed || finding.Level == Level.None)
            {
                continue;
            }

            string command = finding.Kind == FindingKind.Inconclusive ? "notice" : finding.Level switch
            {
                Level.Error => "error",
                Level.Warning => "warning",
                _ => "notice",
            };

            var start = finding.Span.StartPosition;
            var end = finding.Span.EndPosition;
            string path = finding.Path.Length == 0 ? string.Empty : SourceRootPath.Relative(run.SourceRoot, Path.GetFullPath(finding.Path));
            var message = new StringBuilder(finding.Message).Append(" [").Append(finding.Rule.Name).Append(']');
            foreach (var related in finding.Related)
            {
                var at = related.Span.StartPosition;
                string relatedPath = related.Span.File is { } file ? SourceRootPath.Relative(run.SourceRoot, Path.GetFullPath(file.Path)) : path;
                message.Append('\n').Append(relatedPath).Append('(').Append(at.Line).Append(',').Append(at.Column).Append("): ").Append(related.Message);
            }

            writer.Write(
                "::" + command
                + " file=" + Property(path)
                + ",line=" + start.Line + ",col=" + start.Column
                + ",endLine=" + end.Line + ",endColumn=" + end.Column
                + ",title=" + Property(finding.RuleId + (finding.Kind == FindingKind.Inconclusive ? " (inconclusive)" : string.Empty))
                + "::" + Data(message.ToString()) + "\n");
        }
    }

    /// <summary>A command's message: <c>%</c>, CR and LF escaped.</summary>
    public static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A property value: as <see cref="Data"/>, and <c>:</c> and <c>,</c> too.</summary>
    public static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
