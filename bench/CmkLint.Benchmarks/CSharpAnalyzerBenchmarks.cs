using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CmkLint.Analyzers.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmkLint.Benchmarks;

/// <summary>
/// The C# analyzer on a compilation that uses the SDKs (the analyzer tests' stubs of Azure.Provisioning 1.1,
/// Aspire and Pulumi): each infrastructure file builds a CMK registry statement by statement, through
/// factory methods, in an Aspire <c>ConfigureInfrastructure</c> callback and with Pulumi options.
/// The analyzer driver binds the whole compilation again for each run, so the cost of the analyzer itself
/// is <see cref="CSharpWithSdk"/> minus <see cref="DriverOnly"/> (the same driver with an analyzer whose
/// operation block action does nothing); the cost per file is the difference between the two file counts divided by the files added.
/// </summary>
[MemoryDiagnoser]
public class CSharpAnalyzerBenchmarks
{
    private const string ProvisioningFile = """
        using System.Linq;
        using Aspire.Hosting;
        using Azure.Provisioning;
        using Azure.Provisioning.ContainerRegistry;
        using Azure.Provisioning.KeyVault;
        using Azure.Provisioning.Resources;
        using Azure.Provisioning.Roles;

        namespace App{0};

        public static class Registries
        {
            public static UserAssignedIdentity CreateIdentity(string name) => new UserAssignedIdentity(name);

            public static KeyVaultService CreateVault()
            {
                var vault = new KeyVaultService("vault");
                vault.Properties = new KeyVaultProperties();
                vault.Properties.EnableSoftDelete = true;
                vault.Properties.EnablePurgeProtection = true;
                vault.Properties.EnableRbacAuthorization = true;
                return vault;
            }

            public static ContainerRegistryService CreateRegistry(UserAssignedIdentity identity, string keyUri, bool premium)
            {
                var registry = new ContainerRegistryService("acr");
                registry.Sku = new ContainerRegistrySku();
                registry.Sku.Name = ContainerRegistrySkuName.Premium;
                registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                registry.Identity.UserAssignedIdentities.Add(BicepFunction.Interpolate($"{identity.Id}").Compile().ToString(), new UserAssignedIdentityDetails());
                registry.Encryption = new ContainerRegistryEncryption { Status = ContainerRegistryEncryptionStatus.Enabled };
                registry.Encryption.KeyVaultProperties = new ContainerRegistryKeyVaultProperties();
                registry.Encryption.KeyVaultProperties.Identity = identity.ClientId.ToString();
                registry.Encryption.KeyVaultProperties.KeyIdentifier = keyUri;
                if (!premium)
                {
                    registry.Sku.Name = ContainerRegistrySkuName.Standard;
                }

                return registry;
            }

            public static Infrastructure Build()
            {
                var infra = new Infrastructure();
                var identity = CreateIdentity("acrIdentity");
                var vault = CreateVault();
                var grant = vault.CreateRoleAssignment(KeyVaultBuiltInRole.KeyVaultCryptoServiceEncryptionUser, identity);
                var registry = CreateRegistry(identity, "https://vault.vault.azure.net/keys/acr", premium: true);
                registry.DependsOn.Add(grant);
                infra.Add(identity);
                infra.Add(vault);
                infra.Add(grant);
                infra.Add(registry);
                return infra;
            }

            public static void Customise(IDistributedApplicationBuilder builder)
            {
                builder.AddAzureContainerRegistry("acr").ConfigureInfrastructure(infra =>
                {
                    var registry = infra.GetProvisionableResources().OfType<ContainerRegistryService>().Single();
                    var identity = new UserAssignedIdentity("acrIdentity");
                    infra.Add(identity);
                    registry.Sku.Name = ContainerRegistrySkuName.Premium;
                    registry.Identity = new ManagedServiceIdentity { ManagedServiceIdentityType = ManagedServiceIdentityType.UserAssigned };
                    registry.Identity.UserAssignedIdentities[BicepFunction.Interpolate($"{identity.Id}").Compile().ToString()] = new UserAssignedIdentityDetails();
                    registry.Encryption = new ContainerRegistryEncryption
                    {
                        Status = ContainerRegistryEncryptionStatus.Enabled,
                        KeyVaultProperties = new ContainerRegistryKeyVaultProperties { Identity = identity.ClientId.ToString(), KeyIdentifier = "https://kv.vault.azure.net/keys/acr" },
                    };
                });
            }
        }
        """;

    private const string PulumiFile = """
        using Pulumi;
        using Pulumi.AzureNative.ContainerRegistry;
        using Pulumi.AzureNative.ContainerRegistry.Inputs;
        using Pulumi.AzureNative.KeyVault;
        using Pulumi.AzureNative.KeyVault.Inputs;
        using Pulumi.AzureNative.ManagedIdentity;

        namespace Stack{0};

        public static class Stack
        {
            private static Vault CreateVault(string name) => new Vault(name, new VaultArgs
            {
                ResourceGroupName = "rg",
                Properties = new VaultPropertiesArgs { TenantId = "t", EnablePurgeProtection = true, EnableSoftDelete = true, EnableRbacAuthorization = true },
            });

            public static void Define()
            {
                var identity = new UserAssignedIdentity("acr-identity", new UserAssignedIdentityArgs { ResourceGroupName = "rg" });
                var vault = CreateVault("vault");
                var args = new RegistryArgs { ResourceGroupName = "rg" };
                args.Sku = new SkuArgs { Name = SkuName.Premium };
                args.Identity = new IdentityPropertiesArgs { Type = ResourceIdentityType.UserAssigned, UserAssignedIdentities = { identity.Id } };
                args.Encryption = new EncryptionPropertyArgs
                {
                    Status = EncryptionStatus.Enabled,
                    KeyVaultProperties = new KeyVaultPropertiesArgs { Identity = identity.ClientId.Apply(id => id), KeyIdentifier = "https://vault.vault.azure.net/keys/k" },
                };
                var registry = new Registry("acr", args, new CustomResourceOptions { DependsOn = { vault } });
            }
        }
        """;

    private Compilation compilation = null!;

    /// <summary>Infrastructure files in the compilation, half Azure.Provisioning (with Aspire), half Pulumi.</summary>
    [Params(2, 20)]
    public int InfraFiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var trees = new List<SyntaxTree>();
        foreach (var stub in new[] { "AzureProvisioningCore.cs", "AzureProvisioning11.cs", "Aspire.cs", "PulumiAzureNative.cs" })
        {
            string path = Path.Combine(StubFolder(), stub);
            trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path));
        }

        for (int i = 0; i < InfraFiles; i++)
        {
            string text = (i % 2 == 0 ? ProvisioningFile : PulumiFile).Replace("{0}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            trees.Add(CSharpSyntaxTree.ParseText(text, path: $"/app/Infra{i}.cs"));
        }

        compilation = CSharpCompilation.Create("app", trees, PlatformReferences(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"// C# analyzer benchmark: {InfraFiles} infrastructure files, {errors.Count} compile errors {string.Join("; ", errors.Take(1))}");
        var reported = CSharpWithSdk().GetAwaiter().GetResult();
        Console.WriteLine($"// C# analyzer reports: {string.Join(", ", reported.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"))}");
    }

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CSharpWithSdk() =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InfrastructureCodeAnalyzer())).GetAnalyzerDiagnosticsAsync();

    /// <summary>The analyzer driver on the same compilation with an analyzer whose operation block action does nothing: the baseline the analyzer adds to.</summary>
    [Benchmark(Baseline = true)]
    public Task<ImmutableArray<Diagnostic>> DriverOnly() =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new IdleAnalyzer())).GetAnalyzerDiagnosticsAsync();

    private static IEnumerable<MetadataReference> PlatformReferences()
    {
        string[] wanted = { "System.Runtime.dll", "System.Collections.dll", "System.Linq.dll", "System.Private.CoreLib.dll", "netstandard.dll", "System.ObjectModel.dll", "System.Private.Uri.dll" };
        string folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return wanted.Select(name => Path.Combine(folder, name)).Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }

    /// <summary>The analyzer tests' SDK stubs, found from the repository root above the benchmark's output folder.</summary>
    private static string StubFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CmkLint.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "tests", "CmkLint.Analyzers.Tests", "Stubs");
    }

    // A benchmark's own do-nothing analyzer, never shipped: the rules for analyzer assemblies do not apply.
#pragma warning disable RS1001, RS1036, RS1041, RS2008

    /// <summary>An analyzer with an empty operation block action: what the driver costs by itself (binding and operation trees included).</summary>
    private sealed class IdleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("IDLE001", "idle", "idle", "benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationBlockAction(_ => { });
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008
}
