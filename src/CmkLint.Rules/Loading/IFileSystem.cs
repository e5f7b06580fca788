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

/// <summary>
/// A file system that can lend a file's bytes in a pooled array, for readers that keep only what they decode
/// from them (the engine's template reads): no array per file to allocate, clear and collect.
/// </summary>
internal interface IFileLender
{
    /// <summary>The file's bytes (the first <c>Length</c> of the lent array), or null with the reason, as <see cref="IFileSystem.ReadAllBytes"/>.</summary>
    LentBytes? Lend(string path, out string? error);
}

/// <summary>A file's bytes in an array that may be rented: give it back with <see cref="Dispose"/>, and keep nothing of it.</summary>
internal readonly struct LentBytes : IDisposable
{
    private readonly bool rented;

    public LentBytes(byte[] array, int length, bool rented)
    {
        Array = array;
        Length = length;
        this.rented = rented;
    }

    public byte[] Array { get; }

    public int Length { get; }

    /// <summary>Reads a file through <paramref name="fileSystem"/>, lent when it can lend, else an ordinary read.</summary>
    public static LentBytes? Read(IFileSystem fileSystem, string path, out string? error)
    {
        if (fileSystem is IFileLender lender)
        {
            return lender.Lend(path, out error);
        }

        var bytes = fileSystem.ReadAllBytes(path, out error);
        return bytes is null ? null : new LentBytes(bytes, bytes.Length, rented: false);
    }

    public void Dispose()
    {
        if (rented)
        {
            ReadBuffer.Return(Array);
        }
    }
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
public sealed class PhysicalFileSystem : IFileSystem, IFileAccessPolicy, IFileLender
{
    /// <summary>Files larger than this are not read (the engine's own default, <c>LintOptions.MaxFileBytes</c>).</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public string? Refusal(string path) => RegularFile.Refusal(path, DefaultMaxFileBytes, out _);

    public byte[]? ReadAllBytes(string path, out string? error) => RegularFile.Read(path, DefaultMaxFileBytes, out error);

    LentBytes? IFileLender.Lend(string path, out string? error) => RegularFile.Lend(path, DefaultMaxFileBytes, out error);
}

/// <summary>Opens regular files only, after checking their kind and size, and reads at most the limit (a file may grow between the check and the read).</summary>
internal static class RegularFile
{
    public static string? Refusal(string path, long maxBytes, out long size) => RefusalOf(FileInspection.KindOf(path, out size), size, maxBytes);

    /// <summary>Why a file of this kind and size is not read, or null.</summary>
    public static string? RefusalOf(FileKind kind, long size, long maxBytes)
    {
        switch (kind)
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

    public static byte[]? Read(string path, long maxBytes, out string? error) => Read(path, maxBytes, rent: false, out _, out _, out error);

    /// <summary>
    /// Reads the file; with <paramref name="rent"/> into the thread's <see cref="ReadBuffer"/> (then
    /// <paramref name="rented"/> is true and only the first <paramref name="length"/> bytes are the file's).
    /// </summary>
    public static byte[]? Read(string path, long maxBytes, bool rent, out int length, out bool rented, out string? error) =>
        Read(path, maxBytes, rent, checkedSize: null, out length, out rented, out error);

    /// <summary>
    /// As <see cref="Read(string, long, bool, out int, out bool, out string?)"/>; with <paramref name="checkedSize"/>, the
    /// caller has just checked that the path is a regular file of that size (it is not asked again).
    /// </summary>
    public static byte[]? Read(string path, long maxBytes, bool rent, long? checkedSize, out int length, out bool rented, out string? error)
    {
        length = 0;
        rented = false;
        long size = checkedSize ?? 0;
        error = checkedSize is null ? Refusal(path, maxBytes, out size) : null;
        if (error is not null)
        {
            error = "cannot read the file: " + error;
            return null;
        }

        try
        {
            // No FileStream buffer: the file is read straight into an array of the size stat gave (one copy, no chunks).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            int expected = (int)Math.Min(size, maxBytes);
            var exact = rent ? ReadBuffer.Rent(expected) : new byte[expected];
            rented = rent;
            int total = 0;
            for (int read; total < expected && (read = stream.Read(exact, total, expected - total)) > 0;)
            {
                total += read;
            }

            if (total < expected)
            {
                // The file shrank since stat: what is there is the file.
                if (!rent)
                {
                    Array.Resize(ref exact, total);
                }

                length = total;
                return exact;
            }

            int extra = stream.ReadByte();
            if (extra < 0)
            {
                length = total;
                return exact;
            }

            if ((long)expected + 1 > maxBytes)
            {
                Release(exact, rent, ref rented);
                error = "cannot read the file: " + TooLarge((long)expected + 1, maxBytes);
                return null;
            }

            // The file grew since stat: read on in chunks, still bounded (into an array of its own, not rented).
            var buffer = new MemoryStream(expected + 81920);
            buffer.Write(exact, 0, expected);
            Release(exact, rent, ref rented);
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

            var grown = buffer.ToArray();
            length = grown.Length;
            return grown;
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

    public static LentBytes? Lend(string path, long maxBytes, out string? error) =>
        Read(path, maxBytes, rent: true, out int length, out bool rented, out error) is { } bytes ? new LentBytes(bytes, length, rented) : null;

    private static void Release(byte[] array, bool rent, ref bool rented)
    {
        if (rent && rented)
        {
            ReadBuffer.Return(array);
            rented = false;
        }
    }

    private static string TooLarge(long size, long maxBytes) =>
        $"the file is {Megabytes(size)}, larger than the {Megabytes(maxBytes)} CmkLint reads";

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB" : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}

/// <summary>
/// One reusable read buffer per thread: the engine reads thousands of files and keeps only their decoded text,
/// so each analysis thread reads into the same array instead of allocating (and clearing, and collecting) one
/// per file. Not a general pool: at most one array per thread, and none above <see cref="MaxKept"/>.
/// </summary>
internal static class ReadBuffer
{
    /// <summary>
    /// Larger arrays are not kept: a rare huge file must not pin its size in memory for the rest of the run, nor for
    /// the life of a host's pool thread (the MSBuild task and the analyzer run in long-lived processes).
    /// </summary>
    private const int MaxKept = 4 * 1024 * 1024;

    [ThreadStatic]
    private static byte[]? kept;

    /// <summary>An array of at least <paramref name="size"/> bytes (its content is undefined); give it back with <see cref="Return"/>.</summary>
    public static byte[] Rent(int size)
    {
        var array = kept;
        if (array is not null && array.Length >= size)
        {
            kept = null;
            return array;
        }

        // Grow by powers of two (from 64 KB) so that a run of ever larger files reallocates only a few times.
        int rounded = 64 * 1024;
        while (rounded < size && rounded < MaxKept)
        {
            rounded *= 2;
        }

        return new byte[Math.Max(rounded, size)];
    }

    public static void Return(byte[] array)
    {
        if (array.Length <= MaxKept && (kept is null || kept.Length < array.Length))
        {
            kept = array;
        }
    }
}
