using System;
using System.Diagnostics;
using System.IO;
using CmkLint.Loading;
using Xunit;

namespace CmkLint.Rules.Tests.Hostile;

/// <summary>The confined file system: inside the roots, regular files only, bounded reads.</summary>
public sealed class ConfinedFileSystemTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "cmklint-confined-" + Guid.NewGuid().ToString("N"));
    private readonly string cache;

    public ConfinedFileSystemTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "repo", "infra"));
        cache = Path.Combine(root, "cache");
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(root, "repo", "infra", "main.bicep"), "param p string\n");
        File.WriteAllText(Path.Combine(root, "secret.txt"), "secret");
        File.WriteAllText(Path.Combine(cache, "module.json"), "{}");
    }

    private string Repo => Path.Combine(root, "repo");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Files_inside_the_root_are_read_and_files_outside_are_refused()
    {
        var fs = new ConfinedFileSystem(Repo);

        Assert.Equal("param p string\n", System.Text.Encoding.UTF8.GetString(fs.ReadAllBytes(Path.Combine(Repo, "infra", "main.bicep"), out var error)!));
        Assert.Null(error);
        Assert.Null(fs.ReadAllBytes(Path.Combine(Repo, "infra", "..", "..", "secret.txt"), out error));
        Assert.Contains("outside the analysis root", error, StringComparison.Ordinal);
        Assert.False(fs.FileExists(Path.Combine(root, "secret.txt")));
    }

    [Theory]
    [InlineData("/a/b/main.bicep", true)]
    [InlineData("/a/b/.hidden/x.json", true)]
    [InlineData("/a/b/..x/y", true)]
    [InlineData("/a/b/../secret.txt", false)]
    [InlineData("/a/./b", false)]
    [InlineData("/a//b", false)]
    [InlineData("/a/b/", false)]
    [InlineData("/a/b/.", false)]
    [InlineData("/a/b/..", false)]
    [InlineData("a/b", false)]
    public void A_path_is_taken_as_it_is_only_when_it_is_already_full(string path, bool plain)
    {
        if (Path.DirectorySeparatorChar != '/')
        {
            return;
        }

        Assert.Equal(plain, ConfinedFileSystem.IsPlainFullPath(path));
        if (plain)
        {
            // Taken as it is only where normalising would not change it.
            Assert.Equal(Path.GetFullPath(path), path);
        }
    }

    [Fact]
    public void A_missing_file_is_told_from_its_folders_listing_with_the_same_answers_as_a_lookup()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string infra = Path.Combine(Repo, "infra");
        Directory.CreateDirectory(Path.Combine(infra, "sub"));
        File.CreateSymbolicLink(Path.Combine(infra, "out.bicep"), Path.Combine(root, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(infra, "in.bicep"), Path.Combine(infra, "main.bicep"));
        var listed = new ConfinedFileSystem(Repo);
        var lookedUp = new ConfinedFileSystem(Repo);
        string[] names = { "main.bicep", "main.parameters.json", "main.bicepparam", "sub", "out.bicep", "in.bicep", "MAIN.bicep", "missing.json" };
        foreach (string name in names)
        {
            string path = Path.Combine(infra, name);
            Assert.True(lookedUp.Refusal(path) is null == listed.FileExists(path), name);
        }

        Assert.True(listed.KnownAbsent(Path.Combine(infra, "main.parameters.json")));
        Assert.False(listed.KnownAbsent(Path.Combine(infra, "main.bicep")));
        Assert.False(listed.KnownAbsent(Path.Combine(infra, "out.bicep")));
        Assert.Equal(1, listed.ListedFolders);
    }

    [Fact]
    public void No_folder_outside_the_roots_is_listed()
    {
        var fs = new ConfinedFileSystem(Repo);
        Assert.False(fs.FileExists(Path.Combine(root, "secret.txt")));
        Assert.False(fs.FileExists(Path.Combine(root, "nothing.json")));
        Assert.False(fs.KnownAbsent(Path.Combine(root, "nothing.json")));
        Assert.Equal(0, fs.ListedFolders);
    }

    [Fact]
    public void A_folder_with_many_entries_is_not_listed_and_its_files_are_still_found()
    {
        string crowded = Path.Combine(Repo, "crowded");
        Directory.CreateDirectory(crowded);
        for (int i = 0; i <= ConfinedFileSystem.MaxListedEntries; i++)
        {
            File.WriteAllText(Path.Combine(crowded, i + ".json"), string.Empty);
        }

        var fs = new ConfinedFileSystem(Repo);
        Assert.False(fs.KnownAbsent(Path.Combine(crowded, "missing.json")));
        Assert.False(fs.FileExists(Path.Combine(crowded, "missing.json")));
        Assert.True(fs.FileExists(Path.Combine(crowded, "7.json")));
    }

    [Fact]
    public void Extra_read_only_roots_are_readable()
    {
        var fs = new ConfinedFileSystem(Repo, cache);

        Assert.NotNull(fs.ReadAllBytes(Path.Combine(cache, "module.json"), out _));
        Assert.Equal(2, fs.Roots.Count);
        Assert.False(fs.FileExists(Path.Combine(root, "secret.txt")));
    }

    [Fact]
    public void Writes_go_only_to_files_of_the_analysis_root_never_to_a_read_only_root_or_outside()
    {
        var fs = new ConfinedFileSystem(Repo, cache);
        string inside = Path.Combine(Repo, "infra", "main.bicep");
        Assert.Null(fs.WriteAllBytes(inside, System.Text.Encoding.UTF8.GetBytes("param q string\n")));
        Assert.Equal("param q string\n", File.ReadAllText(inside));

        Assert.Contains("read-only folder", fs.WriteAllBytes(Path.Combine(cache, "module.json"), new byte[] { 0x5B, 0x5D }), StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(cache, "module.json")));

        Assert.Contains("outside the analysis root", fs.WriteAllBytes(Path.Combine(Repo, "..", "secret.txt"), new byte[] { 0x78 }), StringComparison.Ordinal);
        Assert.Equal("secret", File.ReadAllText(Path.Combine(root, "secret.txt")));

        File.CreateSymbolicLink(Path.Combine(Repo, "to-cache.json"), Path.Combine(cache, "module.json"));
        Assert.NotNull(fs.WriteAllBytes(Path.Combine(Repo, "to-cache.json"), new byte[] { 0x5B, 0x5D }));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(cache, "module.json")));
    }

    [Fact]
    public void Links_are_followed_only_when_their_target_stays_inside()
    {
        File.CreateSymbolicLink(Path.Combine(Repo, "out.txt"), Path.Combine(root, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Repo, "in.bicep"), Path.Combine(Repo, "infra", "main.bicep"));
        Directory.CreateSymbolicLink(Path.Combine(Repo, "up"), root);
        File.CreateSymbolicLink(Path.Combine(Repo, "loop"), Path.Combine(Repo, "loop"));
        var fs = new ConfinedFileSystem(Repo);

        Assert.Contains("symbolic link to a file outside", fs.Refusal(Path.Combine(Repo, "out.txt")), StringComparison.Ordinal);
        Assert.Contains("symbolic link to a file outside", fs.Refusal(Path.Combine(Repo, "up", "secret.txt")), StringComparison.Ordinal);
        Assert.Null(fs.Refusal(Path.Combine(Repo, "in.bicep")));
        Assert.Equal(FileAccessPolicy.Missing, fs.Refusal(Path.Combine(Repo, "loop")));
    }

    [Fact]
    public void Fifos_devices_and_folders_are_refused_before_they_are_opened()
    {
        string fifo = Path.Combine(Repo, "pipe.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var fs = new ConfinedFileSystem(Repo, "/dev");

        Assert.Null(fs.ReadAllBytes(fifo, out var error));
        Assert.Contains("named pipe (FIFO)", error, StringComparison.Ordinal);
        Assert.Contains("is a device", fs.Refusal("/dev/zero"), StringComparison.Ordinal);
        Assert.Contains("is a folder", fs.Refusal(Path.Combine(Repo, "infra")), StringComparison.Ordinal);
        Assert.Equal(FileKind.Fifo, FileInspection.KindOf(fifo, out _));
        Assert.Equal(FileKind.Device, FileInspection.KindOf("/dev/null", out _));
    }

    [Fact]
    public void The_size_limit_is_checked_before_reading()
    {
        File.WriteAllBytes(Path.Combine(Repo, "big.json"), new byte[4096]);
        var fs = new ConfinedFileSystem(Repo) { MaxFileBytes = 1024 };

        Assert.Null(fs.ReadAllBytes(Path.Combine(Repo, "big.json"), out var error));
        Assert.Contains("the file is 4096 bytes, larger than the 1024 bytes CmkLint reads", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_longer_than_the_system_allows_are_reported()
    {
        var fs = new ConfinedFileSystem(Repo);

        Assert.Contains("longer than the 255", fs.Refusal(Path.Combine(Repo, new string('a', 300))), StringComparison.Ordinal);
        Assert.Contains("longer than the " + ConfinedFileSystem.MaxPathLength, fs.Refusal(Repo + string.Concat(System.Linq.Enumerable.Repeat("/abcdefgh", 600))), StringComparison.Ordinal);
    }
}
