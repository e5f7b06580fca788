// Stubs of the .NET Aspire hosting types that customise Azure.Provisioning resources (ConfigureInfrastructure).
namespace Aspire.Hosting.ApplicationModel
{
    public interface IResource
    {
        string Name { get; }
    }

    public interface IResourceBuilder<out T>
        where T : IResource
    {
        T Resource { get; }
    }
}

namespace Aspire.Hosting
{
    using System;
    using Aspire.Hosting.ApplicationModel;
    using Aspire.Hosting.Azure;

    public interface IDistributedApplicationBuilder
    {
    }

    public static class AzureProvisioningResourceExtensions
    {
        public static IResourceBuilder<T> ConfigureInfrastructure<T>(this IResourceBuilder<T> builder, Action<AzureResourceInfrastructure> configure)
            where T : AzureProvisioningResource => builder;
    }

    public static class AzureContainerRegistryExtensions
    {
        public static IResourceBuilder<AzureContainerRegistryResource> AddAzureContainerRegistry(this IDistributedApplicationBuilder builder, string name) => null!;
    }

    public static class AzureKeyVaultResourceExtensions
    {
        public static IResourceBuilder<AzureKeyVaultResource> AddAzureKeyVault(this IDistributedApplicationBuilder builder, string name) => null!;
    }
}

namespace Aspire.Hosting.Azure
{
    using System;
    using Aspire.Hosting.ApplicationModel;

    public class AzureProvisioningResource : IResource
    {
        public AzureProvisioningResource(string name, Action<AzureResourceInfrastructure> configureInfrastructure) => Name = name;
        public string Name { get; }
    }

    public class AzureContainerRegistryResource : AzureProvisioningResource
    {
        public AzureContainerRegistryResource(string name, Action<AzureResourceInfrastructure> configureInfrastructure) : base(name, configureInfrastructure) { }
    }

    public class AzureKeyVaultResource : AzureProvisioningResource
    {
        public AzureKeyVaultResource(string name, Action<AzureResourceInfrastructure> configureInfrastructure) : base(name, configureInfrastructure) { }
    }

    public sealed class AzureResourceInfrastructure : global::Azure.Provisioning.Infrastructure
    {
        public AzureResourceInfrastructure(AzureProvisioningResource resource, string bicepName) : base(bicepName) => AspireResource = resource;
        public AzureProvisioningResource AspireResource { get; }
    }
}
