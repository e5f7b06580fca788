using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace CmkLint.Loading;

/// <summary>What a path names on disk, asked without opening it (opening a FIFO blocks until a writer comes).</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling symbolic link).</summary>
    Missing,

    /// <summary>A regular file: the only kind CmkLint opens.</summary>
    Regular,

    Directory,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A character or block device (<c>/dev/zero</c>).</summary>
    Device,

    Socket,

    /// <summary>The kind could not be determined; treated as unreadable.</summary>
    Unknown,
}

/// <summary>
/// The file's kind, size and link target from <c>stat</c>/<c>lstat</c>/<c>readlink</c>. On Unix these
/// come from the .NET runtime's own native shim (<c>libSystem.Native</c>, whose status struct is the same
/// on every Unix and architecture); netstandard2.0 has no managed API that tells a FIFO from a file.
/// </summary>
public static class FileInspection
{
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacterDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeLink = 0xA000;
    private const int TypeSocket = 0xC000;

    /// <summary>Symbolic links followed in one path before giving up (Linux's own limit).</summary>
    private const int MaxLinkHops = 40;

    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    private static bool nativeMissing;

    /// <summary>What <paramref name="path"/> names, following symbolic links (<c>stat</c>), and its size for a regular file.</summary>
    public static FileKind KindOf(string path, out long size)
    {
        size = 0;
        if (IsWindows || nativeMissing)
        {
            return WindowsKindOf(path, out size);
        }

        if (!Stat(path, follow: true, out int mode, out size, out bool missing))
        {
            return missing ? FileKind.Missing : nativeMissing ? WindowsKindOf(path, out size) : FileKind.Unknown;
        }

        return Kind(mode);
    }

    /// <summary>
    /// The path with every symbolic link in it resolved (like <c>realpath</c>), or null when a part is
    /// missing or links loop. <paramref name="fullPath"/> must be absolute.
    /// </summary>
    public static string? Resolve(string fullPath)
    {
        if (IsWindows || nativeMissing)
        {
            // Windows: reparse points are refused, not followed (see WindowsKindOf), so the path is its own target.
            return fullPath;
        }

        string pending = fullPath;
        int hops = 0;
        while (true)
        {
            string? resolved = ResolveOnce(pending, out string? next);
            if (resolved is not null)
            {
                return resolved;
            }

            if (next is null || ++hops > MaxLinkHops)
            {
                return null;
            }

            pending = next;
        }
    }

    /// <summary>
    /// <see cref="Resolve"/> for a file in a folder already resolved (<paramref name="resolvedFolder"/> has no
    /// link in it): only the file itself is looked at, and a link there is resolved in full.
    /// </summary>
    public static string? ResolveIn(string resolvedFolder, string name) => ResolveIn(resolvedFolder, name, out _, out _, out _);

    /// <summary>
    /// As <see cref="ResolveIn(string, string)"/>; when the file is not a link, its <paramref name="kind"/> and
    /// <paramref name="size"/> come from the same <c>lstat</c> (<paramref name="known"/>), so the caller need not ask again.
    /// </summary>
    internal static string? ResolveIn(string resolvedFolder, string name, out bool known, out FileKind kind, out long size)
    {
        known = false;
        kind = FileKind.Unknown;
        size = 0;
        string candidate = resolvedFolder.EndsWith("/", StringComparison.Ordinal) ? resolvedFolder + name : resolvedFolder + "/" + name;
        if (IsWindows || nativeMissing)
        {
            return candidate;
        }

        if (!Stat(candidate, follow: false, out int mode, out long length, out bool missing))
        {
            return missing ? candidate : null;
        }

        if ((mode & TypeMask) == TypeLink)
        {
            return Resolve(candidate);
        }

        known = true;
        kind = Kind(mode);
        size = length;
        return candidate;
    }

    /// <summary>
    /// Walks the path one part at a time; at the first symbolic link returns null and the path with that
    /// link replaced by its target (the caller walks again); with no link left, the resolved path.
    /// </summary>
    private static string? ResolveOnce(string fullPath, out string? next)
    {
        next = null;
        string[] parts = fullPath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var done = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                int slash = done.ToString().LastIndexOf('/');
                done.Length = slash < 0 ? 0 : slash;
                continue;
            }

            string candidate = done + "/" + part;
            if (!Stat(candidate, follow: false, out int mode, out _, out bool missing))
            {
                if (!missing)
                {
                    return null;
                }

                // A missing last part is a path to create or report as missing: keep it as written.
                if (i == parts.Length - 1)
                {
                    return candidate;
                }

                return null;
            }

            if ((mode & TypeMask) == TypeLink)
            {
                string? target = ReadLink(candidate);
                if (target is null)
                {
                    return null;
                }

                string rest = string.Join("/", parts, i + 1, parts.Length - i - 1);
                string baseFolder = target.StartsWith("/", StringComparison.Ordinal) ? target : (done.Length == 0 ? "/" : done.ToString()) + "/" + target;
                next = rest.Length == 0 ? baseFolder : baseFolder + "/" + rest;
                return null;
            }

            done.Append('/').Append(part);
        }

        return done.Length == 0 ? "/" : done.ToString();
    }

    private static FileKind Kind(int mode)
    {
        switch (mode & TypeMask)
        {
            case TypeRegular: return FileKind.Regular;
            case TypeDirectory: return FileKind.Directory;
            case TypeFifo: return FileKind.Fifo;
            case TypeCharacterDevice:
            case TypeBlockDevice: return FileKind.Device;
            case TypeSocket: return FileKind.Socket;
            default: return FileKind.Unknown;
        }
    }

    /// <summary>Windows (and the fallback): attributes, refusing reparse points and devices.</summary>
    private static FileKind WindowsKindOf(string path, out long size)
    {
        size = 0;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
            }

            var attributes = info.Attributes;
            if ((attributes & (FileAttributes.ReparsePoint | FileAttributes.Device)) != 0)
            {
                return FileKind.Unknown;
            }

            size = info.Length;
            return FileKind.Regular;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            return FileKind.Unknown;
        }
    }

    private static bool Stat(string path, bool follow, out int mode, out long size, out bool missing)
    {
        mode = 0;
        size = 0;
        missing = false;
        var status = new NativeFileStatus();
        int result;
        try
        {
            byte[] name = Utf8(path);
            result = follow ? NativeStat(name, out status) : NativeLStat(name, out status);
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            nativeMissing = true;
            return false;
        }

        if (result != 0)
        {
            // ENOENT or ENOTDIR: nothing there; anything else (EACCES, ELOOP, ENAMETOOLONG) is a failure.
            int errno = Marshal.GetLastWin32Error();
            missing = errno == 2 || errno == 20;
            return false;
        }

        mode = status.Mode;
        size = status.Size;
        return true;
    }

    private static string? ReadLink(string path)
    {
        var buffer = new byte[4096];
        int length;
        try
        {
            length = NativeReadLink(Utf8(path), buffer, buffer.Length);
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            nativeMissing = true;
            return null;
        }

        return length <= 0 || length >= buffer.Length ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static byte[] Utf8(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int NativeStat(byte[] path, out NativeFileStatus output);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int NativeLStat(byte[] path, out NativeFileStatus output);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_ReadLink", SetLastError = true)]
    private static extern int NativeReadLink(byte[] path, byte[] buffer, int bufferSize);

    /// <summary>The runtime shim's <c>FileStatus</c> (pal_io.h): the same layout on every Unix; padded for fields added later.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
        public long Reserved1;
        public long Reserved2;
        public long Reserved3;
        public long Reserved4;
    }
}
