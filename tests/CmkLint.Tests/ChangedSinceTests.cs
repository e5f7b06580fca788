using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests;

/// <summary><c>--changed-since REF</c>: only the entry points that reach a file changed since the revision are analysed, with the findings a full run gives them.</summary>
public sealed class ChangedSinceTests
{
    private const string Module = """
        param sku string
        param location string = resourceGroup().location

        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'acr-cmk-identity'
          location: location
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acr${uniqueString(resourceGroup().id)}'
          location: location
          sku: {
            name: sku
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${identity.id}': {}
            }
          }
          properties: {
            encryption: {
              status: 'enabled'
              keyVaultProperties: {
                identity: identity.properties.clientId
                keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
              }
            }
          }
        }
        """;

    // A comment with an apostrophe before the module: the reference scan must not lose the path to it.
    private const string Caller = """
        // The app's registry (it's Standard here: CMK001 in the module).
        module acr '../modules/registry.bicep' = {
          name: 'acr'
          params: {
            sku: 'Standard'
          }
        }
        """;

    private const string Loader = """
        var suffix = loadTextContent('suffix.txt')

        module acr '../modules/other.bicep' = {
          name: 'acr${suffix}'
          params: {
            sku: 'Basic'
          }
        }
        """;

    [Fact]
    public void Changed_module_analyses_its_callers_only_with_the_findings_of_a_full_run()
    {
        using var tree = Repository();
        tree.Write("modules/registry.bicep", Module.Replace("param location", "@description('Where it goes.')\nparam location"));
        Git(tree.Root, "commit", "-q", "-am", "change the module");

        var changed = tree.Run("--changed-since", "HEAD~1", "--format", "json", "--include-inconclusive");
        var full = tree.Run("--format", "json", "--include-inconclusive");

        Assert.Equal(1, changed.ExitCode);
        var changedFindings = Findings(changed.Out);
        var affected = new[] { "app/main.bicep", "modules/registry.bicep" };
        // The module alone leaves the SKU undecided; the certain CMK001 comes from the caller's 'Standard', and points there.
        Assert.Contains(changedFindings, f => f.StartsWith("CMK001|app/main.bicep", System.StringComparison.Ordinal) && f.Contains("|error|Registry"));
        Assert.DoesNotContain(changedFindings, f => f.Contains("|other/") || f.Contains("|app/loads.bicep") || f.Contains("|modules/other.bicep"));
        Assert.Equal(2, (int)JObject.Parse(changed.Out)["summary"]!["filesAnalyzed"]!);
        var fullForAffected = Findings(full.Out).Where(f => affected.Any(a => f.Contains("|" + a + "|"))).ToList();
        Assert.Contains(Findings(full.Out), f => f.Contains("|other/registry.bicep|"));
        Assert.Equal(fullForAffected, changedFindings);
    }

    [Fact]
    public void Changed_loaded_file_analyses_the_file_that_loads_it()
    {
        using var tree = Repository();
        tree.Write("app/suffix.txt", "two");
        Git(tree.Root, "commit", "-q", "-am", "change the loaded text");

        var changed = tree.Run("--changed-since", "HEAD~1", "--format", "json", "--include-inconclusive");

        var files = Findings(changed.Out).Select(f => f.Split('|')[1]).Distinct().ToList();
        Assert.Equal(1, (int)JObject.Parse(changed.Out)["summary"]!["filesAnalyzed"]!);
        Assert.DoesNotContain("app/main.bicep", files);
        Assert.DoesNotContain("other/unrelated.bicep", files);
    }

    [Fact]
    public void Nothing_changed_analyses_nothing_and_an_unknown_revision_is_a_usage_error()
    {
        using var tree = Repository();

        var none = tree.Run("--changed-since", "HEAD", "--format", "json");
        var missing = tree.Run("--changed-since", "v0.9");
        var option = tree.Run("--changed-since", "--upload-pack=x");

        Assert.Equal(0, none.ExitCode);
        Assert.Equal(0, (int)JObject.Parse(none.Out)["summary"]!["filesAnalyzed"]!);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'v0.9' was not found", missing.Error);
        Assert.Equal(2, option.ExitCode);
    }

    private static TempTree Repository()
    {
        var tree = new TempTree();
        Git(tree.Root, "init", "-q", "-b", "main");
        Git(tree.Root, "config", "user.name", "CmkLint Tests");
        Git(tree.Root, "config", "user.email", "tests@cmklint.invalid");
        Git(tree.Root, "config", "commit.gpgsign", "false");
        tree.Write("modules/registry.bicep", Module);
        tree.Write("modules/other.bicep", Module);
        tree.Write("app/main.bicep", Caller);
        tree.Write("app/loads.bicep", Loader);
        tree.Write("app/suffix.txt", "one");
        tree.Write("other/unrelated.bicep", Caller.Replace("../modules/registry.bicep", "./registry.bicep"));
        tree.Write("other/registry.bicep", Module);
        Git(tree.Root, "add", "-A");
        Git(tree.Root, "commit", "-q", "-m", "v1");
        return tree;
    }

    /// <summary>Each finding as rule|path|line|column|level|message, in report order.</summary>
    private static List<string> Findings(string json) =>
        JObject.Parse(json)["findings"]!.Select(f => string.Join("|", (string)f["ruleId"]!, (string)f["path"]!, (string?)f["region"]?["startLine"], (string?)f["region"]?["startColumn"], (string)f["level"]!, (string)f["message"]!)).ToList();

    private static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
