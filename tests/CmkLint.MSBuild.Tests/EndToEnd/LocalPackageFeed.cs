using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace CmkLint.MSBuild.Tests.EndToEnd;

/// <summary>
/// Packs CmkLint.MSBuild once into a temporary folder used as a package source; throwaway projects
/// restore from it (plus the machine's usual NuGet source) into a private package cache, so that a
/// package of the same version from an earlier run is never reused.
/// </summary>
public sealed class LocalPackageFeed : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public LocalPackageFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "cmklint-e2e-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };

        // The test project references the task project, so its build output is current: pack it as built.
        string project = Path.Combine(RepositoryRoot, "src", "CmkLint.MSBuild", "CmkLint.MSBuild.csproj");
        PackRun = DotnetCli.Run(RepositoryRoot, Environment, "pack", project, "--no-build", "-c", Configuration, "-o", Feed, "--disable-build-servers", "-nodeReuse:false");
        Package = Directory.GetFiles(Feed, "CmkLint.MSBuild.*.nupkg").SingleOrDefault();
        Version = Package is null ? string.Empty : Path.GetFileNameWithoutExtension(Package).Substring("CmkLint.MSBuild.".Length);
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder holding the feed, the package cache and the throwaway projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string? Package { get; }

    public string Version { get; }

    public DotnetRun PackRun { get; }

    /// <summary>Variables for every dotnet command of these tests (the private package cache).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A new project folder under <see cref="Root"/> with a nuget.config that adds the local feed to the machine's sources.</summary>
    public string NewProjectFolder(string name)
    {
        Assert.True(Package is not null, "dotnet pack did not produce the package: " + PackRun);
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cmklint-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    public DotnetRun Build(string folder, params string[] extra)
    {
        var arguments = new List<string> { "build", "--disable-build-servers", "-nodeReuse:false", "-clp:NoSummary" };
        arguments.AddRange(extra);
        return DotnetCli.Run(folder, Environment, arguments.ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: the tests have their results already.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CmkLint.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CmkLint.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<LocalPackageFeed>
{
    public const string Name = "CmkLint.MSBuild package end to end";
}
