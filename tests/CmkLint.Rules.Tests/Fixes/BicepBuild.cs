using System.Collections.Generic;
using System.IO;
using CmkLint.Rules.Tests.Oracle;
using Xunit;

namespace CmkLint.Rules.Tests.Fixes;

/// <summary>Builds fixed Bicep files with the official compiler, all in one process.</summary>
internal static class BicepBuild
{
    /// <summary>Writes the files under a fresh folder, builds them, and returns the compiler's output and the files it compiled.</summary>
    public static (string Output, HashSet<string> Built) All(IReadOnlyDictionary<string, string> filesByName)
    {
        Assert.True(BicepCompiler.Executable is not null, "the Bicep compiler (Azure.Bicep.CommandLine.linux-x64) is not restored");
        string root = Path.Combine(Path.GetTempPath(), "cmklint-fix-" + Path.GetRandomFileName());
        string source = Path.Combine(root, "src");
        string output = Path.Combine(root, "out");
        Directory.CreateDirectory(source);
        Directory.CreateDirectory(output);
        try
        {
            foreach (var pair in filesByName)
            {
                File.WriteAllText(Path.Combine(source, pair.Key), pair.Value);
            }

            string log = BicepCompiler.BuildAll(source, output);
            var built = new HashSet<string>();
            foreach (var name in filesByName.Keys)
            {
                if (File.Exists(Path.Combine(output, Path.ChangeExtension(name, ".json"))))
                {
                    built.Add(name);
                }
            }

            return (log, built);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
