// Stubs of the Azure.ResourceManager (management-plane SDK) types the analyzer recognises.
namespace Azure
{
    public enum WaitUntil { Completed, Started }

    public class Response<T>
    {
        public T Value => default!;
    }

    public class ArmOperation<T>
    {
        public T Value => default!;
    }
}

namespace Azure.Core
{
    public readonly struct AzureLocation
    {
        public AzureLocation(string location) { }
        public static AzureLocation WestEurope => default;
        public static implicit operator AzureLocation(string location) => default;
    }

    public sealed class ResourceIdentifier
    {
        public ResourceIdentifier(string resourceId) { }
        public static implicit operator string(ResourceIdentifier id) => "";
    }
}

namespace Azure.ResourceManager.Models
{
    using System;
    using System.Collections.Generic;
    using Azure.Core;

    public readonly struct ManagedServiceIdentityType
    {
        public ManagedServiceIdentityType(string value) { }
        public static ManagedServiceIdentityType None => default;
        public static ManagedServiceIdentityType SystemAssigned => default;
        public static ManagedServiceIdentityType UserAssigned => default;
        public static ManagedServiceIdentityType SystemAssignedUserAssigned => default;
    }

    public class UserAssignedIdentity
    {
        public Guid? PrincipalId { get; }
        public Guid? ClientId { get; }
    }

    public class ManagedServiceIdentity
    {
        public ManagedServiceIdentity(ManagedServiceIdentityType managedServiceIdentityType) { }
        public ManagedServiceIdentityType ManagedServiceIdentityType { get; set; }
        public IDictionary<ResourceIdentifier, UserAssignedIdentity> UserAssignedIdentities { get; } = new Dictionary<ResourceIdentifier, UserAssignedIdentity>();
    }
}

namespace Azure.ResourceManager.ContainerRegistry.Models
{
    public readonly struct ContainerRegistrySkuName
    {
        public ContainerRegistrySkuName(string value) { }
        public static ContainerRegistrySkuName Classic => default;
        public static ContainerRegistrySkuName Basic => default;
        public static ContainerRegistrySkuName Standard => default;
        public static ContainerRegistrySkuName Premium => default;
        public static implicit operator ContainerRegistrySkuName(string value) => default;
    }

    public readonly struct ContainerRegistryEncryptionStatus
    {
        public static ContainerRegistryEncryptionStatus Enabled => default;
        public static ContainerRegistryEncryptionStatus Disabled => default;
    }

    public readonly struct ContainerRegistryPolicyStatus
    {
        public static ContainerRegistryPolicyStatus Enabled => default;
        public static ContainerRegistryPolicyStatus Disabled => default;
    }

    public class ContainerRegistrySku
    {
        public ContainerRegistrySku(ContainerRegistrySkuName name) { }
        public ContainerRegistrySkuName Name { get; set; }
    }

    public class ContainerRegistryEncryption
    {
        public ContainerRegistryEncryptionStatus? Status { get; set; }
        public ContainerRegistryKeyVaultProperties KeyVaultProperties { get; set; } = null!;
    }

    public class ContainerRegistryKeyVaultProperties
    {
        public string KeyIdentifier { get; set; } = null!;
        public string Identity { get; set; } = null!;
    }

    public class ContainerRegistryPolicies
    {
        public ContainerRegistryTrustPolicy TrustPolicy { get; set; } = null!;
    }

    public class ContainerRegistryTrustPolicy
    {
        public ContainerRegistryPolicyStatus? Status { get; set; }
    }

    public class ContainerRegistryPatch
    {
        public ContainerRegistrySku Sku { get; set; } = null!;
        public Azure.ResourceManager.Models.ManagedServiceIdentity Identity { get; set; } = null!;
        public ContainerRegistryEncryption Encryption { get; set; } = null!;
    }
}

namespace Azure.ResourceManager.ContainerRegistry
{
    using System.Threading;
    using System.Threading.Tasks;
    using Azure.Core;
    using Azure.ResourceManager.ContainerRegistry.Models;
    using Azure.ResourceManager.Models;

    public class ContainerRegistryData
    {
        public ContainerRegistryData(AzureLocation location, ContainerRegistrySku sku) { }
        public ContainerRegistrySku Sku { get; set; } = null!;
        public ManagedServiceIdentity Identity { get; set; } = null!;
        public ContainerRegistryEncryption Encryption { get; set; } = null!;
        public ContainerRegistryPolicies Policies { get; set; } = null!;
        public bool? IsAdminUserEnabled { get; set; }
    }

    public class ContainerRegistryResource
    {
        public virtual ContainerRegistryData Data => null!;
        public virtual ArmOperation<ContainerRegistryResource> Update(WaitUntil waitUntil, ContainerRegistryPatch patch, CancellationToken cancellationToken = default) => null!;
        public virtual Task<ArmOperation<ContainerRegistryResource>> UpdateAsync(WaitUntil waitUntil, ContainerRegistryPatch patch, CancellationToken cancellationToken = default) => null!;
    }

    public class ContainerRegistryCollection
    {
        public virtual ArmOperation<ContainerRegistryResource> CreateOrUpdate(WaitUntil waitUntil, string registryName, ContainerRegistryData data, CancellationToken cancellationToken = default) => null!;
        public virtual Task<ArmOperation<ContainerRegistryResource>> CreateOrUpdateAsync(WaitUntil waitUntil, string registryName, ContainerRegistryData data, CancellationToken cancellationToken = default) => null!;
    }
}

namespace Azure.ResourceManager.KeyVault.Models
{
    using System;
    using System.Collections.Generic;

    public readonly struct IdentityAccessKeyPermission
    {
        public static IdentityAccessKeyPermission All => default;
        public static IdentityAccessKeyPermission Get => default;
        public static IdentityAccessKeyPermission List => default;
        public static IdentityAccessKeyPermission WrapKey => default;
        public static IdentityAccessKeyPermission UnwrapKey => default;
        public static IdentityAccessKeyPermission Encrypt => default;
        public static IdentityAccessKeyPermission Decrypt => default;
    }

    public readonly struct KeyVaultSkuName
    {
        public static KeyVaultSkuName Standard => default;
        public static KeyVaultSkuName Premium => default;
    }

    public readonly struct KeyVaultSkuFamily
    {
        public static KeyVaultSkuFamily A => default;
    }

    public class KeyVaultSku
    {
        public KeyVaultSku(KeyVaultSkuFamily family, KeyVaultSkuName name) { }
    }

    public class IdentityAccessPermissions
    {
        public IList<IdentityAccessKeyPermission> Keys { get; } = new List<IdentityAccessKeyPermission>();
    }

    public class KeyVaultAccessPolicy
    {
        public KeyVaultAccessPolicy(Guid tenantId, string objectId, IdentityAccessPermissions permissions) { }
        public Guid TenantId { get; set; }
        public string ObjectId { get; set; } = null!;
        public IdentityAccessPermissions Permissions { get; set; } = null!;
    }

    public class KeyVaultProperties
    {
        public KeyVaultProperties(Guid tenantId, KeyVaultSku sku) { }
        public Guid TenantId { get; set; }
        public KeyVaultSku Sku { get; set; } = null!;
        public IList<KeyVaultAccessPolicy> AccessPolicies { get; } = new List<KeyVaultAccessPolicy>();
        public bool? EnableSoftDelete { get; set; }
        public bool? EnablePurgeProtection { get; set; }
        public bool? EnableRbacAuthorization { get; set; }
        public Uri VaultUri { get; set; } = null!;
    }

    public class KeyVaultCreateOrUpdateContent
    {
        public KeyVaultCreateOrUpdateContent(Azure.Core.AzureLocation location, KeyVaultProperties properties) { }
        public KeyVaultProperties Properties { get; } = null!;
    }
}

namespace Azure.ResourceManager.KeyVault
{
    using System.Threading;
    using Azure.ResourceManager.KeyVault.Models;

    public class KeyVaultData
    {
        public KeyVaultProperties Properties { get; } = null!;
    }

    public class KeyVaultResource
    {
        public virtual KeyVaultData Data => null!;
    }

    public class KeyVaultCollection
    {
        public virtual ArmOperation<KeyVaultResource> CreateOrUpdate(WaitUntil waitUntil, string vaultName, KeyVaultCreateOrUpdateContent content, CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<ArmOperation<KeyVaultResource>> CreateOrUpdateAsync(WaitUntil waitUntil, string vaultName, KeyVaultCreateOrUpdateContent content, CancellationToken cancellationToken = default) => null!;
    }
}
