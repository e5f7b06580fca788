using System;
using System.IO;

namespace CmkLint.Loading;

/// <summary>Where the engine reads templates, modules and parameters files: the disk, or (in an analyzer) the compilation's additional files.</summary>
public interface IFileSystem
{
    bool FileExists(string path);

    /// <summary>The file's bytes, or null (with a reason) when it cannot be read.</summary>
    byte[]? ReadAllBytes(string path, out string? error);
}

/// <summary>A file system that can say, before anything is opened, why it refuses a path (outside the analysis root, not a regular file, too large).</summary>
public interface IFileAccessPolicy
{
    /// <summary>Null when the file may be read; otherwise why not, in words that quote nothing of the file's content.</summary>
    string? Refusal(string path);
}

/// <summary>Asks a file system's policy, when it has one, why a path is refused.</summary>
public static class FileAccessPolicy
{
    /// <summary>The refusal for a path that names nothing (callers report a missing file their own way).</summary>
    public const string Missing = "the file does not exist";

    /// <summary>The refusal of <paramref name="fileSystem"/> for <paramref name="path"/>, or null (read it, or it has no policy).</summary>
    public static string? RefusalOf(this IFileSystem fileSystem, string path) => fileSystem is IFileAccessPolicy policy ? policy.Refusal(path) : null;
}

/// <summary>The real file system: regular files only, read with a size bound (no root: see <see cref="ConfinedFileSystem"/>).</summary>
public sealed class PhysicalFileSystem : IFileSystem, IFileAccessPolicy
{
    /// <summary>Files larger than this are not read (the engine's own default, <c>LintOptions.MaxFileBytes</c>).</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public string? Refusal(string path) => RegularFile.Refusal(path, DefaultMaxFileBytes, out _);

    public byte[]? ReadAllBytes(string path, out string? error) => RegularFile.Read(path, DefaultMaxFileBytes, out error);
}

/// <summary>Opens regular files only, after checking their kind and size, and reads at most the limit (a file may grow between the check and the read).</summary>
internal static class RegularFile
{
    public static string? Refusal(string path, long maxBytes, out long size)
    {
        switch (FileInspection.KindOf(path, out size))
        {
            case FileKind.Regular:
                return size > maxBytes ? TooLarge(size, maxBytes) : null;
            case FileKind.Missing:
                return FileAccessPolicy.Missing;
            case FileKind.Directory:
                return "it is a folder, not a file";
            case FileKind.Fifo:
                return "it is a named pipe (FIFO), not a regular file; it is not opened";
            case FileKind.Device:
                return "it is a device, not a regular file; it is not opened";
            case FileKind.Socket:
                return "it is a socket, not a regular file; it is not opened";
            default:
                return "it is not a regular file (or its kind cannot be determined); it is not opened";
        }
    }

    public static byte[]? Read(string path, long maxBytes, out string? error)
    {
        error = Refusal(path, maxBytes, out long size);
        if (error is not null)
        {
            error = "cannot read the file: " + error;
            return null;
        }

        try
        {
            // No FileStream buffer: the file is read straight into an array of the size stat gave (one copy, no chunks).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var exact = new byte[(int)Math.Min(size, maxBytes)];
            int total = 0;
            for (int read; total < exact.Length && (read = stream.Read(exact, total, exact.Length - total)) > 0;)
            {
                total += read;
            }

            if (total < exact.Length)
            {
                // The file shrank since stat: what is there is the file.
                Array.Resize(ref exact, total);
                return exact;
            }

            int extra = stream.ReadByte();
            if (extra < 0)
            {
                return exact;
            }

            if ((long)exact.Length + 1 > maxBytes)
            {
                error = "cannot read the file: " + TooLarge((long)exact.Length + 1, maxBytes);
                return null;
            }

            // The file grew since stat: read on in chunks, still bounded.
            var buffer = new MemoryStream(exact.Length + 81920);
            buffer.Write(exact, 0, exact.Length);
            buffer.WriteByte((byte)extra);
            var chunk = new byte[81920];
            while (true)
            {
                int read = stream.Read(chunk, 0, chunk.Length);
                if (read == 0)
                {
                    break;
                }

                if (buffer.Length + read > maxBytes)
                {
                    error = "cannot read the file: " + TooLarge(buffer.Length + read, maxBytes);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (IOException e)
        {
            error = "cannot read the file: " + e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            error = "cannot read the file: " + e.Message;
        }

        return null;
    }

    private static string TooLarge(long size, long maxBytes) =>
        $"the file is {Megabytes(size)}, larger than the {Megabytes(maxBytes)} CmkLint reads";

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB" : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
