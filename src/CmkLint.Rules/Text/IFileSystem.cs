using System.IO;

namespace CmkLint.Text;

/// <summary>Where the engine reads templates, modules and parameters files: the disk, or (in an analyzer) the compilation's additional files.</summary>
public interface IFileSystem
{
    bool FileExists(string path);

    /// <summary>The file's bytes, or null (with a reason) when it cannot be read.</summary>
    byte[]? ReadAllBytes(string path, out string? error);
}

/// <summary>The real file system.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            error = "cannot read the file: " + e.Message;
        }
        catch (System.UnauthorizedAccessException e)
        {
            error = "cannot read the file: " + e.Message;
        }

        return null;
    }
}
