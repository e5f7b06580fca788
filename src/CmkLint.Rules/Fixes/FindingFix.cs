using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Fixes;

/// <summary>The edits that correct one finding, all of them or none (an editor code action, one line of <c>--fix</c>).</summary>
public sealed class FindingFix
{
    public FindingFix(Finding finding, string title, IReadOnlyList<TextEdit> edits)
    {
        Finding = finding;
        Title = title;
        Edits = edits;
    }

    public Finding Finding { get; }

    /// <summary>One line, e.g. <c>set sku.name to 'Premium'</c>.</summary>
    public string Title { get; }

    /// <summary>Non-overlapping edits, possibly in several files (a parameter default and its allowed values, a caller's argument).</summary>
    public IReadOnlyList<TextEdit> Edits { get; }
}
