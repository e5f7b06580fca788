using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CmkLint.Analyzers.Tests;

public class VaultTests
{
    [Fact]
    public Task Cmk005_vault_without_purge_protection_is_reported_and_fixed() =>
        Verify.FixAsync(Sdk.Provisioning11, Snippets.Provisioning(after: """

                    var vault = {|CMK005:new KeyVaultService("kv")|}
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties { EnableSoftDelete = true, EnableRbacAuthorization = true },
                    };
                    vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
            """).Replace("using Azure.Provisioning.Roles;", "using Azure.Provisioning.Roles;\nusing Azure.Provisioning.KeyVault;", System.StringComparison.Ordinal), Snippets.Provisioning(after: """

                    var vault = new KeyVaultService("kv")
                    {
                        Name = "kv",
                        Properties = new KeyVaultProperties { EnableSoftDelete = true, EnableRbacAuthorization = true, EnablePurgeProtection = true },
                    };
                    vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
            """).Replace("using Azure.Provisioning.Roles;", "using Azure.Provisioning.Roles;\nusing Azure.Provisioning.KeyVault;", System.StringComparison.Ordinal),
            // CMK010 too: Azure.Provisioning emits no dependency from the registry on the role assignment.
            new DiagnosticResult("CMK010", DiagnosticSeverity.Warning).WithSpan("/src/Infrastructure.cs", 12, 24, 12, 59).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
}
