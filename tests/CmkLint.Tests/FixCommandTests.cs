using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace CmkLint.Tests;

/// <summary><c>--fix</c> writes the certain fixes, lists them and lints again; <c>--fix --diff</c> prints them and writes nothing.</summary>
public class FixCommandTests
{
    private const string Bicep = """
        // A registry with the wrong SKU.
        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'id'
          location: 'westeurope'
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'acrfix'
          location: 'westeurope'
          sku: {
            name: 'Standard' // cheaper
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
                identity: identity.properties.principalId
                keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
              }
            }
          }
        }

        """;

    [Fact]
    public void Fix_writes_lists_each_fix_and_reports_what_is_left()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", Bicep);
        var result = tree.Run("main.bicep", "--fix", "--no-color");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cmklint: fixed CMK001 main.bicep(11,11): set sku: { name: 'Premium' }\n", result.Error);
        Assert.Contains("cmklint: fixed CMK003 main.bicep(23,19): use the identity's clientId instead of its principalId\n", result.Error);
        Assert.Contains("cmklint: applied 2 fixes in 1 file; 0 findings have no certain fix\n", result.Error);
        Assert.Equal(Bicep.Replace("'Standard'", "'Premium'").Replace("principalId", "clientId"), tree.Read("main.bicep"));
        Assert.DoesNotContain("CMK001", result.Out);

        var again = tree.Run("main.bicep", "--fix");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("cmklint: applied 0 fixes in 0 files", again.Error);
    }

    [Fact]
    public void Diff_prints_a_unified_diff_writes_nothing_and_exits_1_when_there_is_a_fix()
    {
        using var tree = new TempTree();
        tree.Write("main.bicep", Bicep);
        var result = tree.Run("main.bicep", "--fix", "--diff");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("--- a/main.bicep\n+++ b/main.bicep\n@@ -8,7 +8,7 @@\n", result.Out);
        Assert.Contains("\n-    name: 'Standard' // cheaper\n+    name: 'Premium' // cheaper\n", result.Out);
        Assert.Contains("\n-        identity: identity.properties.principalId\n+        identity: identity.properties.clientId\n", result.Out);
        Assert.Contains("cmklint: would fix CMK001 main.bicep(11,11)", result.Error);
        Assert.Equal(Bicep, tree.Read("main.bicep"));

        var alone = tree.Run("main.bicep", "--diff");
        Assert.Equal(result.Out, alone.Out);
    }

    [Fact]
    public void Fix_keeps_a_byte_order_mark_and_leaves_suppressed_findings_alone()
    {
        using var tree = new TempTree();
        var withBom = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Bicep)).ToArray();
        tree.WriteBytes("bom.bicep", withBom);
        tree.Write("cmklint.json", "{ \"suppress\": [ { \"rule\": \"CMK003\", \"paths\": [\"bom.bicep\"], \"justification\": \"test\" } ] }");
        var result = tree.Run("bom.bicep", "--fix");
        Assert.Contains("applied 1 fix in 1 file", result.Error);
        var bytes = File.ReadAllBytes(Path.Combine(tree.Root, "bom.bicep"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("'Premium' // cheaper", text);
        Assert.Contains("identity.properties.principalId", text);
    }
}
