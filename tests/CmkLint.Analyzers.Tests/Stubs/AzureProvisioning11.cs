// Stubs of Azure.Provisioning 1.1 model types: nested models unwrapped, scalars still BicepValue<T>.
namespace Azure.Provisioning.Resources
{
    using Azure.Provisioning.Primitives;

    public class ManagedServiceIdentity : ProvisionableConstruct
    {
        public BicepValue<ManagedServiceIdentityType> ManagedServiceIdentityType { get; set; } = null!;
        public BicepDictionary<UserAssignedIdentityDetails> UserAssignedIdentities { get; set; } = new();
    }
}

namespace Azure.Provisioning.ContainerRegistry
{
    using Azure.Core;
    using Azure.Provisioning.Primitives;
    using Azure.Provisioning.Resources;

    public enum ContainerRegistrySkuName { Classic, Basic, Standard, Premium }

    public enum ContainerRegistryEncryptionStatus { Enabled, Disabled }

    public enum ContainerRegistryPolicyStatus { Enabled, Disabled }

    public enum ContainerRegistryTrustPolicyType { Notary }

    public class ContainerRegistryService : ProvisionableResource
    {
        public ContainerRegistryService(string bicepIdentifier, string? resourceVersion = null) : base(bicepIdentifier, "Microsoft.ContainerRegistry/registries", resourceVersion) { }
        public static ContainerRegistryService FromExisting(string bicepIdentifier, string? resourceVersion = null) => new(bicepIdentifier, resourceVersion);
        public BicepValue<string> Name { get; set; } = null!;
        public BicepValue<AzureLocation> Location { get; set; } = null!;
        public ContainerRegistrySku Sku { get; set; } = null!;
        public ManagedServiceIdentity Identity { get; set; } = null!;
        public ContainerRegistryEncryption Encryption { get; set; } = null!;
        public ContainerRegistryPolicies Policies { get; set; } = null!;
        public BicepValue<bool> IsAdminUserEnabled { get; set; } = null!;
        public BicepValue<ResourceIdentifier> Id { get; } = null!;
        public BicepValue<string> LoginServer { get; } = null!;
    }

    public class ContainerRegistrySku : ProvisionableConstruct
    {
        public BicepValue<ContainerRegistrySkuName> Name { get; set; } = null!;
    }

    public class ContainerRegistryEncryption : ProvisionableConstruct
    {
        public BicepValue<ContainerRegistryEncryptionStatus> Status { get; set; } = null!;
        public ContainerRegistryKeyVaultProperties KeyVaultProperties { get; set; } = null!;
    }

    public class ContainerRegistryKeyVaultProperties : ProvisionableConstruct
    {
        public BicepValue<string> KeyIdentifier { get; set; } = null!;
        public BicepValue<string> Identity { get; set; } = null!;
    }

    public class ContainerRegistryPolicies : ProvisionableConstruct
    {
        public ContainerRegistryTrustPolicy TrustPolicy { get; set; } = null!;
    }

    public class ContainerRegistryTrustPolicy : ProvisionableConstruct
    {
        public BicepValue<ContainerRegistryTrustPolicyType> PolicyType { get; set; } = null!;
        public BicepValue<ContainerRegistryPolicyStatus> Status { get; set; } = null!;
    }
}

namespace Azure.Provisioning.KeyVault
{
    using System;
    using Azure.Core;
    using Azure.Provisioning.Primitives;
    using Azure.Provisioning.Roles;

    public enum IdentityAccessKeyPermission { All, Encrypt, Decrypt, WrapKey, UnwrapKey, Sign, Verify, Get, List, Create, Update, Import, Delete, Backup, Restore, Recover, Purge }

    public enum KeyVaultNetworkRuleBypassOption { AzureServices, None }

    public enum KeyVaultNetworkRuleAction { Allow, Deny }

    public enum KeyVaultSkuName { Standard, Premium }

    public readonly struct KeyVaultBuiltInRole
    {
        public static KeyVaultBuiltInRole KeyVaultAdministrator => default;
        public static KeyVaultBuiltInRole KeyVaultCryptoOfficer => default;
        public static KeyVaultBuiltInRole KeyVaultCryptoServiceEncryptionUser => default;
        public static KeyVaultBuiltInRole KeyVaultCryptoUser => default;
        public static KeyVaultBuiltInRole KeyVaultReader => default;
        public static KeyVaultBuiltInRole KeyVaultSecretsUser => default;
    }

    public class KeyVaultService : ProvisionableResource
    {
        public KeyVaultService(string bicepIdentifier, string? resourceVersion = null) : base(bicepIdentifier, "Microsoft.KeyVault/vaults", resourceVersion) { }
        public static KeyVaultService FromExisting(string bicepIdentifier, string? resourceVersion = null) => new(bicepIdentifier, resourceVersion);
        public BicepValue<string> Name { get; set; } = null!;
        public BicepValue<AzureLocation> Location { get; set; } = null!;
        public KeyVaultProperties Properties { get; set; } = null!;
        public BicepValue<ResourceIdentifier> Id { get; } = null!;
        public RoleAssignment CreateRoleAssignment(KeyVaultBuiltInRole role, UserAssignedIdentity identity) => new("ra");
    }

    public class KeyVaultProperties : ProvisionableConstruct
    {
        public BicepValue<Guid> TenantId { get; set; } = null!;
        public KeyVaultSku Sku { get; set; } = null!;
        public BicepList<KeyVaultAccessPolicy> AccessPolicies { get; set; } = new();
        public BicepValue<bool> EnableSoftDelete { get; set; } = null!;
        public BicepValue<bool> EnablePurgeProtection { get; set; } = null!;
        public BicepValue<bool> EnableRbacAuthorization { get; set; } = null!;
        public BicepValue<int> SoftDeleteRetentionInDays { get; set; } = null!;
        public KeyVaultNetworkRuleSet NetworkRuleSet { get; set; } = null!;
        public BicepValue<string> PublicNetworkAccess { get; set; } = null!;
        public BicepValue<Uri> VaultUri { get; } = null!;
    }

    public class KeyVaultSku : ProvisionableConstruct
    {
        public BicepValue<KeyVaultSkuName> Name { get; set; } = null!;
    }

    public class KeyVaultAccessPolicy : ProvisionableConstruct
    {
        public BicepValue<Guid> TenantId { get; set; } = null!;
        public BicepValue<string> ObjectId { get; set; } = null!;
        public BicepValue<Guid> ApplicationId { get; set; } = null!;
        public IdentityAccessPermissions Permissions { get; set; } = null!;
    }

    public class IdentityAccessPermissions : ProvisionableConstruct
    {
        public BicepList<IdentityAccessKeyPermission> Keys { get; set; } = new();
    }

    public class KeyVaultNetworkRuleSet : ProvisionableConstruct
    {
        public BicepValue<KeyVaultNetworkRuleBypassOption> Bypass { get; set; } = null!;
        public BicepValue<KeyVaultNetworkRuleAction> DefaultAction { get; set; } = null!;
    }
}
