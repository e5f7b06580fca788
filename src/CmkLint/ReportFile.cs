using System;
using System.IO;

namespace CmkLint.Cli;

/// <summary>
/// The <c>--output</c> file, written as the reporter goes (a report of a large repository is never
/// held whole in memory): UTF-8 without a byte order mark, never throwing on a lone surrogate.
/// </summary>
internal static class ReportFile
{
    /// <summary>Opens (creating its folder) the file, or returns null after saying why it cannot be written.</summary>
    public static StreamWriter? Open(CliConsole console, string path)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
            return new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), 64 * 1024);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            console.Error.WriteLine($"cmklint: cannot write {path}: {e.Message}");
            return null;
        }
    }

    /// <summary>The failures of opening or writing a file that are the user's to fix (a folder, permissions, a full disk), not bugs.</summary>
    public static bool IsWriteFailure(Exception e) => e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException;
}
