using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace CmkLint.Loading;

/// <summary>
/// The disk, confined to an analysis root (and optional read-only roots such as the Bicep module cache):
/// a path is read only when it and, with every symbolic link resolved, its target lie inside a root, it
/// is a regular file (FIFOs, devices, sockets and folders are refused before anything is opened), and
/// it is within the size limit. Templates from a pull request choose the paths (<c>module</c>,
/// <c>using</c>, <c>load*</c>), so nothing else on the machine may be reached through them.
/// </summary>
public sealed class ConfinedFileSystem : IFileSystem, IFileAccessPolicy, IFileLender
{
    /// <summary>The longest path the operating system opens (PATH_MAX on Linux; long paths on Windows).</summary>
    public static readonly int MaxPathLength = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? 32767 : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? 1024 : 4096;

    /// <summary>The longest file or folder name (NAME_MAX).</summary>
    public const int MaxNameLength = 255;

    private readonly List<string> roots = new();

    /// <summary>Folders resolved so far (links replaced), null for a folder that does not resolve.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> folders = new(StringComparer.Ordinal);

    /// <summary>
    /// The names in resolved folders of the roots, listed once when a file there was looked for; null for a folder
    /// not listed (too many entries, or unreadable). The engine asks for many files that are not there (a
    /// template's conventional parameters files, say): a name missing from the listing is missing, with no
    /// system call per question. Linux only, where names compare exactly as the file system does.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>?> listings = new(StringComparer.Ordinal);

    /// <summary>Folders with more entries are not listed (their files are looked up one by one, as elsewhere).</summary>
    internal const int MaxListedEntries = 4096;

    private static readonly bool NamesCompareExactly = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <param name="root">The analysis root: the repository root of the analysed paths, else their common folder.</param>
    /// <param name="extraReadOnlyRoots">Other folders that may be read (e.g. the Bicep module cache, <c>~/.bicep</c>).</param>
    public ConfinedFileSystem(string root, params string[] extraReadOnlyRoots)
    {
        Root = Path.GetFullPath(root ?? throw new ArgumentNullException(nameof(root)));
        AddRoot(Root);
        foreach (var extra in extraReadOnlyRoots ?? Array.Empty<string>())
        {
            if (!string.IsNullOrEmpty(extra))
            {
                AddRoot(Path.GetFullPath(extra));
            }
        }
    }

    /// <summary>The analysis root (full path).</summary>
    public string Root { get; }

    /// <summary>Every folder that may be read, as given and with links resolved.</summary>
    public IReadOnlyList<string> Roots => roots;

    /// <summary>Files larger than this are refused before they are opened.</summary>
    public long MaxFileBytes { get; set; } = PhysicalFileSystem.DefaultMaxFileBytes;

    public bool FileExists(string path) => !KnownAbsent(path) && Refusal(path) is null;

    /// <summary>
    /// Whether <paramref name="path"/> names nothing, told from the listing of its folder (an answer only when the
    /// folder lies inside a root, resolved, and has been listed); false when that cannot be told this way.
    /// </summary>
    internal bool KnownAbsent(string path)
    {
        if (!NamesCompareExactly || string.IsNullOrEmpty(path) || path.IndexOf('\0') >= 0 || !IsPlainFullPath(path) || !IsInside(path))
        {
            return false;
        }

        string? folder = Path.GetDirectoryName(path);
        string name = Path.GetFileName(path);
        if (folder is null || name.Length == 0 || name.Length > MaxNameLength)
        {
            return false;
        }

        // The folder's links resolved, and the result still inside a root: nothing outside the roots is ever listed.
        string? resolved = folders.GetOrAdd(folder, f => FileInspection.Resolve(f));
        if (resolved is null || !IsInside(resolved))
        {
            return false;
        }

        return listings.GetOrAdd(resolved, List) is { } names && !names.Contains(name);
    }

    /// <summary>How many folders were listed (tests: nothing outside the roots is).</summary>
    internal int ListedFolders => listings.Count;

    private static HashSet<string>? List(string folder)
    {
        try
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                if (names.Count >= MaxListedEntries)
                {
                    return null;
                }

                names.Add(Path.GetFileName(entry));
            }

            return names;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
        {
            return null;
        }
    }

    /// <summary>Whether a (full) path lies inside one of the roots, compared as written (no links resolved).</summary>
    public bool IsInside(string fullPath)
    {
        foreach (var root in roots)
        {
            if (IsUnder(fullPath, root))
            {
                return true;
            }
        }

        return false;
    }

    public string? Refusal(string path) => Check(path, out _);

    /// <summary>Why <paramref name="path"/> is refused, or null with the file it names once links are resolved (resolved once, for the check and the read).</summary>
    private string? Check(string path, out string? target) => Check(path, out target, out _);

    /// <summary>As <see cref="Check(string, out string?)"/>, with the size of the regular file allowed.</summary>
    private string? Check(string path, out string? target, out long size)
    {
        target = null;
        size = 0;
        if (string.IsNullOrEmpty(path) || path.IndexOf('\0') >= 0)
        {
            return "the path is not valid";
        }

        string full;
        try
        {
            full = IsPlainFullPath(path) ? path : Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            return e is PathTooLongException ? LongPath(path.Length) : "the path is not valid";
        }

        if (full.Length > MaxPathLength)
        {
            return LongPath(full.Length);
        }

        if (LongestName(full) is int longest && longest > MaxNameLength)
        {
            return $"a name in the path is {longest} characters long, longer than the {MaxNameLength} the operating system allows";
        }

        if (!IsInside(full))
        {
            return "it is outside the analysis root " + Root + " (set another with --root)";
        }

        target = Resolve(full, out bool known, out var kind, out size);
        if (target is null)
        {
            // A missing file, a broken link or a link loop: nothing can be read there.
            return FileAccessPolicy.Missing;
        }

        if (!IsInside(target))
        {
            return "it is a symbolic link to a file outside the analysis root " + Root + "; it is not followed";
        }

        // The lstat that resolved a file that is not a link already told what it is (no second stat).
        return known ? RegularFile.RefusalOf(kind, size, MaxFileBytes) : RegularFile.Refusal(target, MaxFileBytes, out size);
    }

    /// <summary>
    /// Whether a path is already what <see cref="Path.GetFullPath(string)"/> would make of it on Unix: absolute, no
    /// empty, "." or ".." part, no trailing separator. The engine checks thousands of such paths per run.
    /// </summary>
    internal static bool IsPlainFullPath(string path)
    {
        if (Path.DirectorySeparatorChar != '/' || path.Length < 2 || path[0] != '/' || path[path.Length - 1] == '/')
        {
            return false;
        }

        for (int i = 0; i < path.Length; i++)
        {
            if (path[i] == '/' && i + 1 < path.Length && (path[i + 1] == '/' || (path[i + 1] == '.' && (i + 2 == path.Length || path[i + 2] == '/' || (path[i + 2] == '.' && (i + 3 == path.Length || path[i + 3] == '/'))))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of the longest name between separators (counted, not split: every check would allocate the parts).</summary>
    private static int LongestName(string path)
    {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == Path.DirectorySeparatorChar || path[i] == Path.AltDirectorySeparatorChar)
            {
                longest = Math.Max(longest, i - start);
                start = i + 1;
            }
        }

        return longest;
    }

    public byte[]? ReadAllBytes(string path, out string? error) => Read(path, rent: false, out error)?.Array;

    LentBytes? IFileLender.Lend(string path, out string? error) => Read(path, rent: true, out error);

    /// <summary>Checks the path, then reads the file it names (into the thread's buffer with <paramref name="rent"/>), its size known from the check.</summary>
    private LentBytes? Read(string path, bool rent, out string? error)
    {
        error = Check(path, out var target, out long size);
        if (error is not null || target is null)
        {
            error = "cannot read the file: " + (error ?? FileAccessPolicy.Missing);
            return null;
        }

        // Open the resolved target: the file that was checked, not whatever the link names by now.
        var bytes = RegularFile.Read(target, MaxFileBytes, rent, size, out int length, out bool rented, out error);
        return bytes is null ? null : new LentBytes(bytes, length, rented);
    }

    /// <summary>
    /// Writes a file that may be read and lies in the analysis root itself, never in a read-only root such
    /// as the Bicep module cache (<c>--fix</c>); the reason when it does not.
    /// </summary>
    public string? WriteAllBytes(string path, byte[] bytes)
    {
        string? refusal = Refusal(path);
        if (refusal is not null)
        {
            return refusal;
        }

        string target = FileInspection.Resolve(Path.GetFullPath(path)) ?? Path.GetFullPath(path);
        string root = Trim(Root);
        if (!IsUnder(target, root) && !(FileInspection.Resolve(root) is { } resolvedRoot && IsUnder(target, Trim(resolvedRoot))))
        {
            return "it is outside the analysis root " + Root + " (a read-only folder such as the Bicep module cache is never written)";
        }

        try
        {
            File.WriteAllBytes(target, bytes);
            return null;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The path with its links resolved; each folder is resolved once per file system (a run reads thousands
    /// of files in a few hundred folders, and walking every part of every path was most of a read's cost).
    /// </summary>
    private string? Resolve(string full, out bool known, out FileKind kind, out long size)
    {
        known = false;
        kind = FileKind.Unknown;
        size = 0;
        string? folder = Path.GetDirectoryName(full);
        string name = Path.GetFileName(full);
        if (folder is null || name.Length == 0 || name == "." || name == ".." || Path.DirectorySeparatorChar != '/')
        {
            return FileInspection.Resolve(full);
        }

        string? resolvedFolder = folders.GetOrAdd(folder, f => FileInspection.Resolve(f));
        return resolvedFolder is null ? null : FileInspection.ResolveIn(resolvedFolder, name, out known, out kind, out size);
    }

    private void AddRoot(string root)
    {
        string trimmed = Trim(root);
        if (!roots.Contains(trimmed))
        {
            roots.Add(trimmed);
        }

        string? resolved = FileInspection.Resolve(trimmed);
        if (resolved is not null && !roots.Contains(Trim(resolved)))
        {
            roots.Add(Trim(resolved));
        }
    }

    private static string Trim(string folder) =>
        folder.Length > 1 && (folder.EndsWith("/", StringComparison.Ordinal) || folder.EndsWith("\\", StringComparison.Ordinal)) && Path.GetPathRoot(folder) != folder
            ? folder.Substring(0, folder.Length - 1)
            : folder;

    private static bool IsUnder(string fullPath, string root)
    {
        var comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(fullPath, root, comparison))
        {
            return true;
        }

        string prefix = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(prefix, comparison);
    }

    private static string LongPath(int length) =>
        $"the path is {length} characters long, longer than the {MaxPathLength} the operating system allows";
}
