using System;
using System.Collections.Generic;
using CmkLint.Configuration;
using CmkLint.Diagnostics;
using CmkLint.Model;
using CmkLint.Rules;
using CmkLint.Text;

namespace CmkLint.Engine;

/// <summary>
/// Matches the suppressions written in templates against findings and remembers which matched: a
/// suppression that matched nothing, or that names no CmkLint rule, is a CMK902 note at the
/// suppression, so stale and mistyped suppressions do not hide until the day they are needed.
/// </summary>
/// <remarks>
/// Only what this run can decide is reported: a suppression of a rule turned off, or of a rule that
/// compares with a previous state when none was given, is left alone; so are those in a file that
/// could not be read whole or ran out of time (its findings may be missing). Bicep pragmas also name
/// Bicep's own diagnostics (<c>BCP081</c>, <c>no-unused-params</c>): only codes that look like
/// CmkLint's (<c>CMK…</c>, <c>cmk-…</c>) are ours.
/// </remarks>
public sealed class SuppressionAudit
{
    private readonly Dictionary<string, List<Suppression>> byFile = new(StringComparer.Ordinal);
    private readonly List<Suppression> written = new();
    private readonly HashSet<Suppression> used = new();
    private readonly IReadOnlyDictionary<string, Level> levels;
    private readonly bool comparesPrevious;

    /// <param name="levels">Rule levels of the run (configuration, <c>--select</c>, <c>--report-unused-suppressions</c>).</param>
    /// <param name="comparesPrevious">Whether a previous state was given, so that the previous-state rules ran.</param>
    public SuppressionAudit(IReadOnlyDictionary<string, Level> levels, bool comparesPrevious)
    {
        this.levels = levels;
        this.comparesPrevious = comparesPrevious;
    }

    /// <summary>Adds a suppression written in a template.</summary>
    public void Add(Suppression suppression)
    {
        string key = suppression.Scope.File?.Path ?? string.Empty;
        if (!byFile.TryGetValue(key, out var list))
        {
            byFile[key] = list = new List<Suppression>();
        }

        list.Add(suppression);
        written.Add(suppression);
    }

    /// <summary>Marks every suppression that covers the finding as used; returns the first, the one that applies.</summary>
    public Suppression? Match(Finding finding)
    {
        // A finding moved to the caller's argument is suppressed there or where the rule saw the value.
        var first = Match(finding, finding.Span);
        return finding.MovedFrom is { } seen ? Match(finding, seen) ?? first : first;
    }

    private Suppression? Match(Finding finding, SourceSpan at)
    {
        if (!byFile.TryGetValue(at.File?.Path ?? string.Empty, out var candidates))
        {
            return null;
        }

        Suppression? first = null;
        foreach (var s in candidates)
        {
            if (Covers(s, finding, at))
            {
                used.Add(s);
                first ??= s;
            }
        }

        return first;
    }

    /// <summary>The CMK902 notes for the suppressions written in templates, once every finding was matched.</summary>
    /// <param name="findings">Every finding of the run, to leave out files whose findings may be incomplete.</param>
    public List<Finding> Unused(IEnumerable<Finding> findings)
    {
        var notes = new List<Finding>();
        var level = LevelOfNotes();
        if (level == Level.None)
        {
            return notes;
        }

        var incomplete = IncompleteFiles(findings);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in written)
        {
            var at = s.At.IsNone ? s.Scope : s.At;
            if (at.IsNone || used.Contains(s) || incomplete.Contains(at.File!.Path))
            {
                continue;
            }

            bool pragma = s.Kind != SuppressionKind.Metadata;
            string form = s.Kind switch
            {
                SuppressionKind.NextLine => "#disable-next-line",
                SuppressionKind.Region => "#disable-diagnostics",
                _ => "metadata.cmklint.suppress",
            };
            var rule = s.RuleId == "*" ? null : RuleCatalog.Find(s.RuleId);
            string? message;
            if (rule is null && s.RuleId != "*")
            {
                // A Bicep pragma may name Bicep's diagnostics, which are not ours to judge.
                message = pragma && !LooksLikeOurs(s.RuleId) ? null : Unknown(s.RuleId, form);
            }
            else
            {
                string where = s.Kind switch
                {
                    SuppressionKind.NextLine => "on the next line",
                    SuppressionKind.Region => "before its #restore-diagnostics",
                    _ => "in the object it is written on",
                };
                message = rule is not null && !IsDecided(rule.Id) ? null : $"{form} {s.RuleId} suppresses nothing: no {Named(rule)} finding {where}; remove it";
            }

            if (message is not null)
            {
                notes.Add(Note(level, message, at, s.RuleId, ordinals));
            }
        }

        return notes;
    }

    /// <summary>
    /// The CMK902 notes for <c>cmklint.json</c> <c>suppress</c> entries and baseline entries that matched
    /// none of the findings; each is judged only against the files this run analysed (full paths), and
    /// baseline fingerprints are taken relative to <paramref name="root"/> as the baseline was written.
    /// </summary>
    public List<Finding> UnusedConfigured(LintConfiguration? configuration, Baseline? baseline, IReadOnlyList<Finding> findings, IReadOnlyCollection<string> analysedFiles, string root)
    {
        var notes = new List<Finding>();
        var level = LevelOfNotes();
        if (level == Level.None)
        {
            return notes;
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in configuration?.Suppressions ?? new List<ConfiguredSuppression>())
        {
            if (s.At.IsNone || (s.RuleId != "*" && !IsDecided(s.RuleId)) || !AnyCovered(configuration!, s, analysedFiles) || AnyAccepted(configuration!, s, findings))
            {
                continue;
            }

            string message = $"this '{LintConfiguration.FileName}' suppress entry suppresses nothing: no {Named(RuleCatalog.Find(s.RuleId))} finding {(s.Paths.Count > 0 ? "in its paths" : "in the files analysed")}; remove it";
            notes.Add(Note(level, message, s.At, s.RuleId, ordinals));
        }

        if (baseline is not null)
        {
            var analysed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in analysedFiles)
            {
                analysed.Add(SourceRootPath.Relative(root, System.IO.Path.GetFullPath(file)));
            }

            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in findings)
            {
                current.Add(PortableFingerprint.Of(f, root));
            }

            foreach (var entry in baseline.Entries)
            {
                if (entry.At.IsNone || !analysed.Contains(entry.Path) || (RuleCatalog.Find(entry.Rule) is { } rule && !IsDecided(rule.Id)) || current.Contains(entry.Fingerprint))
                {
                    continue;
                }

                string message = $"the baseline entry for {(entry.Rule.Length > 0 ? entry.Rule : "a finding")} in {entry.Path} matches no finding any more (fixed?); rewrite the baseline with --write-baseline to drop it";
                notes.Add(Note(level, message, entry.At, entry.Rule, ordinals));
            }
        }

        return notes;
    }

    /// <summary><c>; did you mean 'CMK001'?</c> for a mistyped rule ID or name, or nothing.</summary>
    public static string DidYouMean(string rule) => NameSuggestions.DidYouMean(rule, RuleCatalog.IdsAndNames);

    private static bool Covers(Suppression s, Finding finding, SourceSpan at)
    {
        if (!string.Equals(s.RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase) && !string.Equals(s.RuleId, finding.Rule.Name, StringComparison.OrdinalIgnoreCase) && s.RuleId != "*")
        {
            return false;
        }

        return at.Start >= s.Scope.Start && at.Start <= s.Scope.End;
    }

    private static bool AnyCovered(LintConfiguration configuration, ConfiguredSuppression s, IReadOnlyCollection<string> files)
    {
        if (s.Paths.Count == 0)
        {
            return files.Count > 0;
        }

        foreach (var file in files)
        {
            if (configuration.Matches(s.Paths, System.IO.Path.GetFullPath(file)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyAccepted(LintConfiguration configuration, ConfiguredSuppression s, IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
        {
            if (configuration.Accepts(s, f))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Files whose findings may be incomplete: one that could not be read whole (CMK900) or ran out of time.</summary>
    private static HashSet<string> IncompleteFiles(IEnumerable<Finding> findings)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (ReferenceEquals(f.Rule, InputDiagnostics.InvalidTemplate) || f.Fingerprint.EndsWith("|budget:fileSeconds", StringComparison.Ordinal))
            {
                files.Add(f.Path);
            }
        }

        return files;
    }

    private static bool LooksLikeOurs(string code) =>
        code.StartsWith("CMK", StringComparison.OrdinalIgnoreCase) || code.StartsWith("cmk-", StringComparison.OrdinalIgnoreCase);

    private static string Unknown(string rule, string form) =>
        $"{form} names '{rule}', which is not a CmkLint rule, so it suppresses nothing" + (DidYouMean(rule) is { Length: > 0 } close ? close : " (run 'cmklint rules' for the list)");

    private static string Named(RuleDescriptor? rule) =>
        rule is null ? "CmkLint" : $"{rule.Id} ({rule.Name})";

    /// <summary>A rule this run checked: not turned off, and not a previous-state comparison when none was given.</summary>
    private bool IsDecided(string ruleId)
    {
        if (levels.TryGetValue(ruleId, out var level) && level == Level.None)
        {
            return false;
        }

        if (comparesPrevious)
        {
            return true;
        }

        foreach (var rule in RuleCatalog.Rules)
        {
            if (rule is IPreviousStateRule && string.Equals(rule.Descriptor.Id, ruleId, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private Level LevelOfNotes() =>
        levels.TryGetValue(InputDiagnostics.UnusedSuppression.Id, out var level) ? level : InputDiagnostics.UnusedSuppression.DefaultLevel;

    private static Finding Note(Level level, string message, SourceSpan at, string rule, Dictionary<string, int> ordinals)
    {
        // No line in the fingerprint (RULES.md): the n-th suppression of this rule in this file.
        string key = $"{at.File?.Path}|{rule.ToUpperInvariant()}";
        ordinals.TryGetValue(key, out int n);
        ordinals[key] = n + 1;
        return new Finding(InputDiagnostics.UnusedSuppression, level, message, at, $"CMK902|{key}|{n}");
    }
}
