using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CmkLint.Tests.Hostile;

/// <summary>Issue 12, item 3: a pull request's templates cannot make cmklint read (or print) anything outside the analysis root.</summary>
public sealed class ConfinementTests : IDisposable
{
    private const string Secret = "CMKLINT-SECRET-7f3a9c";

    private readonly HostileTree tree = new();
    private readonly string outside;

    public ConfinementTests()
    {
        // A file beside the analysis root (the tree), as '../../secret' would reach on a CI runner.
        outside = Path.Combine(Path.GetDirectoryName(tree.Root)!, "secret-" + Path.GetFileName(tree.Root) + ".txt");
        File.WriteAllText(outside, Secret);
    }

    public void Dispose()
    {
        File.Delete(outside);
        tree.Dispose();
    }

    [Fact]
    public void Load_functions_outside_the_root_are_refused_at_the_reference_and_their_content_never_appears()
    {
        string relative = "../../" + Path.GetFileName(outside);
        tree.Write("infra/leak.bicep", Registry($"loadTextContent('/proc/self/environ')", $"loadTextContent('{relative}')", "loadFileAsBase64('/dev/zero')", $"loadJsonContent('{relative}')"));

        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var result = tree.Run("--format", format, "--include-inconclusive");
            string all = result.Out + result.Error;

            Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
            Assert.DoesNotContain("PATH=", all, StringComparison.Ordinal);
            Assert.DoesNotContain("AAAAAAAA", all, StringComparison.Ordinal);
            Assert.Equal(1, result.ExitCode);
            HostileTree.AssertOrdinaryFindingReported(result.Out);
            if (format != "text")
            {
                HostileTree.ParseReport(result.Out);
            }
        }

        var text = tree.Run();
        Assert.Contains("infra/leak.bicep(1,25): note CMK901: the file '/proc/self/environ' loaded at compile time (refused: it is outside the analysis root", text.Out, StringComparison.Ordinal);
        Assert.Contains($"the file '{relative}' loaded at compile time (refused: it is outside the analysis root", text.Out, StringComparison.Ordinal);
        Assert.Contains("the file '/dev/zero' loaded at compile time (refused", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_out_of_the_root_is_not_followed_as_a_template_nor_as_a_loaded_file()
    {
        tree.Link("x.bicep", "/etc/passwd");
        tree.Link("infra/passwd.txt", "/etc/passwd");
        tree.Link("infra/zero.json", "/dev/zero");
        tree.Write("infra/main.bicep", Registry("loadTextContent('passwd.txt')"));

        var result = tree.Run("--format", "json");

        Assert.DoesNotContain("root:", result.Out + result.Error, StringComparison.Ordinal);
        var findings = HostileTree.ParseReport(result.Out)["findings"]!;
        var link = Assert.Single(findings, f => (string?)f["path"] == "x.bicep");
        Assert.Equal("CMK900", (string?)link["ruleId"]);
        Assert.Contains("symbolic link to a file outside the analysis root", (string?)link["message"], StringComparison.Ordinal);
        Assert.Contains("symbolic link to a file outside the analysis root", (string?)Assert.Single(findings, f => (string?)f["path"] == "infra/zero.json")["message"], StringComparison.Ordinal);
        Assert.Contains(findings, f => (string?)f["path"] == "infra/main.bicep" && ((string?)f["message"])!.Contains("'passwd.txt' loaded at compile time (refused: it is a symbolic link to a file outside the analysis root", StringComparison.Ordinal));
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    [Fact]
    public void A_link_that_stays_inside_the_root_is_followed()
    {
        tree.Write("shared/sku.txt", "Standard");
        tree.Link("infra/sku.txt", Path.Combine(tree.Root, "shared", "sku.txt"));
        tree.Write("infra/main.bicep", Registry("loadTextContent('sku.txt')"));

        var result = tree.Run();

        Assert.Contains("infra/main.bicep(5,16): error CMK001", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_in_the_tree_or_as_a_load_target_is_never_opened()
    {
        tree.Fifo("pipe.json");
        tree.Fifo("infra/pipe.bicep");
        tree.Fifo("infra/data.txt");
        tree.Write("infra/main.bicep", Registry("loadTextContent('data.txt')"));

        var result = tree.Run("--format", "json");

        var findings = HostileTree.ParseReport(result.Out)["findings"]!;
        Assert.Contains("named pipe (FIFO)", (string?)Assert.Single(findings, f => (string?)f["path"] == "pipe.json")["message"], StringComparison.Ordinal);
        Assert.Contains("named pipe (FIFO)", (string?)Assert.Single(findings, f => (string?)f["path"] == "infra/pipe.bicep")["message"], StringComparison.Ordinal);
        Assert.Contains(findings, f => (string?)f["path"] == "infra/main.bicep" && ((string?)f["message"])!.Contains("'data.txt' loaded at compile time (refused: it is a named pipe (FIFO)", StringComparison.Ordinal));
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    [Fact]
    public void A_fifo_as_the_explicit_parameters_file_is_an_error_not_a_hang()
    {
        tree.Fifo("bad.parameters.json");

        var result = tree.Run("bad.json", "--parameters", "bad.parameters.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.parameters.json(1,1): error CMK900: cannot read the file: it is a named pipe (FIFO)", result.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    [Fact]
    public void Modules_and_using_outside_the_root_are_refused_at_the_reference()
    {
        string module = Path.Combine(Path.GetDirectoryName(tree.Root)!, "module-" + Path.GetFileName(tree.Root) + ".bicep");
        File.WriteAllText(module, "param p string\n");
        try
        {
            string relative = "../../" + Path.GetFileName(module);
            tree.Write("infra/main.bicep", $"module m '{relative}' = {{\n  name: 'm'\n  params: {{ p: 'x' }}\n}}\n");
            tree.Write("infra/main.bicepparam", $"using '{relative}'\n");

            var result = tree.Run();

            Assert.Contains($"infra/main.bicep(1,10): note CMK901: module '{relative}' (refused: it is outside the analysis root", result.Out, StringComparison.Ordinal);
            Assert.Contains($"infra/main.bicepparam(1,7): error CMK900: the template '{relative}' named by 'using' is not read: it is outside the analysis root", result.Out, StringComparison.Ordinal);
            HostileTree.AssertOrdinaryFindingReported(result.Out);
        }
        finally
        {
            File.Delete(module);
        }
    }

    [Fact]
    public void Outside_a_repository_the_root_is_the_common_folder_and_root_sets_it()
    {
        tree.Write("shared/sku.txt", "Standard");
        tree.Write("infra/main.bicep", Registry("loadTextContent('../shared/sku.txt')"));

        // Outside a repository the root is the paths' common folder (infra/); --root widens it.
        var wide = tree.Run("infra", "--root", ".");
        var narrow = tree.Run("infra");

        Assert.Contains("infra/main.bicep(5,16): error CMK001", wide.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CMK001", narrow.Out, StringComparison.Ordinal);
        Assert.Contains("refused: it is outside the analysis root", narrow.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_longer_than_the_system_allows_is_reported_not_skipped()
    {
        string name = string.Concat(Enumerable.Repeat("a", 300));
        tree.Write("infra/main.bicep", Registry($"loadTextContent('{name}.txt')"));

        var result = tree.Run();

        Assert.Contains("characters long, longer than the 255 the operating system allows", result.Out, StringComparison.Ordinal);
        HostileTree.AssertOrdinaryFindingReported(result.Out);
    }

    /// <summary>A Bicep CMK registry whose SKU is the first expression (CMK001 when it is 'Standard'); the others are variables.</summary>
    private static string Registry(string sku, params string[] more)
    {
        var variables = string.Concat(more.Select((e, i) => $"var v{i} = {e}\n"));
        return $"var n = {sku}\n{variables}resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {{\n  name: 'acr'\n  location: 'westeurope'\n  sku: {{ name: n }}\n  properties: {{ encryption: {{ status: 'enabled' }} }}\n}}\n";
    }
}
