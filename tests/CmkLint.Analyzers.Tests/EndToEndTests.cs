using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>
/// Packs the analyzer, references the package from a throwaway project with a bad template and a bad
/// C# file, and runs a real <c>dotnet build</c>: the package must load (no AD0001/CS8032 from a missing
/// dependency) and report CMK001 at the right places; <c>.editorconfig</c> must silence it.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "cmklint-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Packed_analyzer_reports_cmk001_in_the_template_and_the_csharp_file_and_editorconfig_silences_it()
    {
        string repo = DescriptorTests.RepositoryRoot();
        string app = Path.Combine(root, "app");
        Directory.CreateDirectory(Path.Combine(app, "infra"));
        string version = Pack(repo, root);
        WriteProject(app, version, "\n    <!-- Listed here and found by the package's glob: it must still be analysed once. -->\n    <AdditionalFiles Include=\"infra/main.json\" />");
        File.Copy(Path.Combine(repo, "samples", "arm", "registry-standard-sku.json"), Path.Combine(app, "infra", "main.json"));
        WriteStubs(app, "AzureProvisioningCore.cs", "AzureProvisioning11.cs");
        string infra = Snippets.Provisioning(sku: "ContainerRegistrySkuName.Standard");
        File.WriteAllText(Path.Combine(app, "Infra.cs"), infra);
        var (skuLine, skuColumn) = PositionOf(infra, "ContainerRegistrySkuName.Standard");

        var build = Run(app, "build -nodeReuse:false -p:UseSharedCompilation=false", Path.Combine(root, "packages"));
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("infra", "main.json") + "(27,17): error CMK001:", build.Output, StringComparison.Ordinal);
        Assert.Contains($"Infra.cs({skuLine},{skuColumn}): error CMK001:", build.Output, StringComparison.Ordinal);
        Assert.Equal(1, Count(build.Output, "main.json(27,17): error CMK001:"));
        Assert.NotEqual(0, build.ExitCode);

        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*]\ndotnet_diagnostic.CMK001.severity = none\n");
        var silenced = Run(app, "build -nodeReuse:false -p:UseSharedCompilation=false", Path.Combine(root, "packages"));
        Assert.DoesNotContain("CMK001", silenced.Output, StringComparison.Ordinal);
        Assert.True(silenced.ExitCode == 0, silenced.Output);
    }

    /// <summary>An Aspire customisation and a factory-method style in one project: each diagnostic on its line, in C# terms, and no other.</summary>
    [Fact]
    public void Packed_analyzer_follows_an_aspire_customisation_and_factory_methods()
    {
        string repo = DescriptorTests.RepositoryRoot();
        string app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        string version = Pack(repo, root);
        WriteProject(app, version, string.Empty);
        WriteStubs(app, "AzureProvisioningCore.cs", "AzureProvisioning11.cs", "Aspire.cs");
        string appHost = """
            using System.Linq;
            using Aspire.Hosting;
            using Azure.Provisioning;
            using Azure.Provisioning.ContainerRegistry;
            using Azure.Provisioning.Resources;
            using Azure.Provisioning.Roles;

            public static class AppHost
            {
                public static void Configure(IDistributedApplicationBuilder builder)
                {
                    builder.AddAzureContainerRegistry("acr").ConfigureInfrastructure(infra =>
                    {
                        var registry = infra.GetProvisionableResources().OfType<ContainerRegistryService>().Single();
                        var identity = new UserAssignedIdentity("acrIdentity");
                        infra.Add(identity);
                        registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                        registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                        registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                        registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                        registry.Encryption.KeyVaultProperties.Identity = identity.PrincipalId.ToString();
                    });
                }
            }
            """;
        string factories = """
            using Azure.Provisioning;
            using Azure.Provisioning.ContainerRegistry;
            using Azure.Provisioning.KeyVault;
            using Azure.Provisioning.Resources;
            using Azure.Provisioning.Roles;

            public static class Factories
            {
                public static KeyVaultService CreateVault()
                {
                    var vault = new KeyVaultService("kv");
                    vault.Name = "kv";
                    vault.Properties.EnableSoftDelete = true;
                    vault.Properties.EnableRbacAuthorization = true;
                    return vault;
                }

                public static ContainerRegistryService CreateRegistry(UserAssignedIdentity identity, bool premium)
                {
                    var registry = new ContainerRegistryService("registry");
                    registry.Sku.Name = premium ? ContainerRegistrySkuName.Premium : ContainerRegistrySkuName.Standard;
                    registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                    registry.Identity.UserAssignedIdentities[BicepFunction.Interpolate($"{identity.Id}").Compile().ToString()] = new UserAssignedIdentityDetails();
                    registry.Encryption.Status = ContainerRegistryEncryptionStatus.Enabled;
                    registry.Encryption.KeyVaultProperties.KeyIdentifier = "https://kv.vault.azure.net/keys/acr";
                    registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();
                    return registry;
                }

                public static Infrastructure Build()
                {
                    var infra = new Infrastructure();
                    var identity = new UserAssignedIdentity("registryIdentity");
                    var vault = CreateVault();
                    var grant = vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
                    var registry = CreateRegistry(identity, premium: false);
                    registry.DependsOn.Add(grant);
                    infra.Add(identity);
                    infra.Add(vault);
                    infra.Add(grant);
                    infra.Add(registry);
                    return infra;
                }
            }
            """;
        File.WriteAllText(Path.Combine(app, "AppHost.cs"), appHost);
        File.WriteAllText(Path.Combine(app, "Factories.cs"), factories);
        var (principalLine, principalColumn) = PositionOf(appHost, "identity.PrincipalId");
        var (vaultLine, vaultColumn) = PositionOf(factories, "new KeyVaultService(\"kv\")");
        var (skuLine, skuColumn) = PositionOf(factories, "ContainerRegistrySkuName.Standard");

        var build = Run(app, "build -nodeReuse:false -p:UseSharedCompilation=false", Path.Combine(root, "packages"));
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.Contains($"AppHost.cs({principalLine},{principalColumn}): error CMK003: Registry 'registry' sets Encryption.KeyVaultProperties.Identity to the principal (object) ID", build.Output, StringComparison.Ordinal);
        Assert.Contains($"Factories.cs({vaultLine},{vaultColumn}): error CMK005:", build.Output, StringComparison.Ordinal);
        Assert.Contains($"Factories.cs({skuLine},{skuColumn}): error CMK001:", build.Output, StringComparison.Ordinal);
        Assert.Equal(3, Count(build.Output, ": error CMK") + Count(build.Output, ": warning CMK"));
        Assert.DoesNotContain("properties.encryption", build.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, build.ExitCode);
    }

    /// <summary>Packs the analyzer into a local feed and points the throwaway projects at it; returns the package version.</summary>
    internal static string Pack(string repo, string root)
    {
        string feed = Path.Combine(root, "feed");
        string version = "0.0.1-e2e" + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var pack = Run(repo, $"pack src/CmkLint.Analyzers/CmkLint.Analyzers.csproj --no-build -c {configuration} -o \"{feed}\" -p:Version={version} -nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.Output);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return version;
    }

    internal static void WriteProject(string app, string version, string extraItems, string extraProperties = "") =>
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>{extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CmkLint.Analyzers" Version="{version}" PrivateAssets="all" />{extraItems}
              </ItemGroup>
            </Project>
            """);

    private static void WriteStubs(string app, params string[] names)
    {
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(app, name), Verify.Stub(name).Text);
        }
    }

    private static (int Line, int Column) PositionOf(string text, string part)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf(part, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException(part + " is not in the text");
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (var line in text.Split('\n'))
        {
            // MSBuild repeats errors in its summary; count distinct lines.
            if (line.Contains(part, StringComparison.Ordinal) && seen.Add(line.Trim()))
            {
                count++;
            }
        }

        return count;
    }

    internal static (int ExitCode, string Output) Run(string workingDirectory, string arguments, string? packages = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (packages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(10 * 60 * 1000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: dotnet " + arguments + "\n" + output);
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
