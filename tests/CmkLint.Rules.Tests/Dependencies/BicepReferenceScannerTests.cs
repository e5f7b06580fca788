using System.Collections.Generic;
using System.Text;
using CmkLint.Dependencies;
using CmkLint.Engine;
using CmkLint.Loading;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Dependencies;

/// <summary>The reference scan behind --changed-since and model release: every path literal is found, comments and registry references are not.</summary>
public sealed class BicepReferenceScannerTests
{
    private const string Folder = "/repo/app";

    [Fact]
    public void Module_import_using_and_load_paths_are_found_outside_comments()
    {
        var found = Scan("""
            // it's a comment with 'commented.bicep'
            /* and 'block.bicep' */
            import { a } from '../shared/types.bicep'
            module m './modules/m.bicep' = {
              name: 'm${loadTextContent('name.txt')}'
            }
            var doc = '''
            see 'multi.bicep'
            '''
            var escaped = 'it\'s not.bicep'
            module r 'br/public:avm/res/x:1.0.0' = {}
            var tail = loadJsonContent('data/values.json')
            """);

        Assert.Equal(new[] { "/repo/shared/types.bicep", "/repo/app/modules/m.bicep", "/repo/app/name.txt", "/repo/app/data/values.json" }, found);
    }

    [Fact]
    public void Hostile_nesting_and_unterminated_literals_end_without_throwing()
    {
        var deep = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            deep.Append("'${");
        }

        deep.Append("\nmodule m './after.bicep' = {}\n'unterminated");
        var found = Scan(deep.ToString());

        Assert.Contains("/repo/app/after.bicep", found);
    }

    [Fact]
    public void Callers_of_a_changed_file_are_reached_through_modules_and_parameters_files()
    {
        var files = new Dictionary<string, string>
        {
            ["/repo/app/main.bicep"] = "module m '../lib/mod.bicep' = {}",
            ["/repo/app/main.bicepparam"] = "using './main.bicep'",
            ["/repo/lib/mod.bicep"] = "module n './leaf.bicep' = {}",
            ["/repo/lib/leaf.bicep"] = "param p string",
            ["/repo/other/main.bicep"] = "module m './own.bicep' = {}",
            ["/repo/other/own.bicep"] = "param p string",
            ["/repo/arm/azuredeploy.json"] = "{}",
            ["/repo/arm/azuredeploy.parameters.json"] = "{}",
        };

        var options = new LintOptions { FileSystem = new MemoryFileSystem(files) };
        var references = FileReferences.Scan(new List<string>(files.Keys), options.FileSystem, options.ReferenceScan(), parallel: false);

        Assert.Equal(new HashSet<string> { "/repo/lib/leaf.bicep", "/repo/lib/mod.bicep", "/repo/app/main.bicep", "/repo/app/main.bicepparam" }, references.Reaching(new[] { "/repo/lib/leaf.bicep" }, files.Keys));
        Assert.Equal(new HashSet<string> { "/repo/arm/azuredeploy.json", "/repo/arm/azuredeploy.parameters.json" }, references.Reaching(new[] { "/repo/arm/azuredeploy.parameters.json" }, files.Keys));
    }

    private static List<string> Scan(string text) => BicepReferenceScanner.References(Folder + "/main.bicep", Encoding.UTF8.GetBytes(text));

    private sealed class MemoryFileSystem : IFileSystem
    {
        private readonly Dictionary<string, string> files;

        public MemoryFileSystem(Dictionary<string, string> files) => this.files = files;

        public bool FileExists(string path) => files.ContainsKey(path);

        public byte[]? ReadAllBytes(string path, out string? error)
        {
            error = files.ContainsKey(path) ? null : "missing";
            return files.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null;
        }
    }
}
