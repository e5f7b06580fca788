// Stubs of the Pulumi and Pulumi Azure Native types the analyzer recognises.
namespace Pulumi
{
    using System.Collections.Generic;

    public class Output<T>
    {
        public Output<TResult> Apply<TResult>(System.Func<T, TResult> func) => new();
        public Output<TResult> Apply<TResult>(System.Func<T, Output<TResult>> func) => new();
    }

    public static class Output
    {
        public static Output<string> Format(System.FormattableString formattableString) => new();
        public static Output<T> Create<T>(T value) => new();
        public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2) => new();
    }

    public class Input<T>
    {
        public static implicit operator Input<T>(T value) => new Input<T>();
        public static implicit operator Input<T>(Output<T> value) => new Input<T>();
    }

    public class InputUnion<T0, T1> : Input<object>
    {
        public static implicit operator InputUnion<T0, T1>(T0 value) => new InputUnion<T0, T1>();
        public static implicit operator InputUnion<T0, T1>(T1 value) => new InputUnion<T0, T1>();
        public static implicit operator InputUnion<T0, T1>(Output<T0> value) => new InputUnion<T0, T1>();
    }

    public class InputList<T> : System.Collections.IEnumerable
    {
        public void Add(Input<T> item) { }
        public System.Collections.IEnumerator GetEnumerator() => new List<T>().GetEnumerator();
    }

    public class InputMap<T> : System.Collections.IEnumerable
    {
        public void Add(string key, Input<T> value) { }
        public System.Collections.IEnumerator GetEnumerator() => new Dictionary<string, T>().GetEnumerator();
    }

    public class ResourceOptions
    {
        public InputList<Resource> DependsOn { get; set; } = new();
    }

    public class CustomResourceOptions : ResourceOptions
    {
    }

    public class Resource
    {
    }

    public abstract class ResourceArgs
    {
    }

    public class CustomResource : Resource
    {
        public Output<string> Id { get; } = new();
    }
}

namespace Pulumi.AzureNative.ManagedIdentity
{
    public class UserAssignedIdentityArgs : ResourceArgs
    {
        public Input<string>? ResourceGroupName { get; set; }
        public Input<string>? ResourceName { get; set; }
        public Input<string>? Location { get; set; }
    }

    public class UserAssignedIdentity : CustomResource
    {
        public UserAssignedIdentity(string name, UserAssignedIdentityArgs args, CustomResourceOptions? options = null) { }
        public Output<string> ClientId { get; } = new();
        public Output<string> PrincipalId { get; } = new();
        public Output<string> TenantId { get; } = new();
    }
}

namespace Pulumi.AzureNative.ContainerRegistry
{
    using Pulumi.AzureNative.ContainerRegistry.Inputs;

    public readonly struct SkuName
    {
        public static SkuName Classic => default;
        public static SkuName Basic => default;
        public static SkuName Standard => default;
        public static SkuName Premium => default;
    }

    public readonly struct EncryptionStatus
    {
        public static EncryptionStatus Enabled => default;
        public static EncryptionStatus Disabled => default;
    }

    public readonly struct PolicyStatus
    {
        public static PolicyStatus Enabled => default;
        public static PolicyStatus Disabled => default;
    }

    public readonly struct ResourceIdentityType
    {
        public static ResourceIdentityType SystemAssigned => default;
        public static ResourceIdentityType UserAssigned => default;
        public static ResourceIdentityType SystemAssigned_UserAssigned => default;
        public static ResourceIdentityType None => default;
    }

    public class RegistryArgs : ResourceArgs
    {
        public Input<string>? RegistryName { get; set; }
        public Input<string> ResourceGroupName { get; set; } = null!;
        public Input<string>? Location { get; set; }
        public Input<SkuArgs> Sku { get; set; } = null!;
        public Input<IdentityPropertiesArgs>? Identity { get; set; }
        public Input<EncryptionPropertyArgs>? Encryption { get; set; }
        public Input<PoliciesArgs>? Policies { get; set; }
        public Input<bool>? AdminUserEnabled { get; set; }
    }

    public class Registry : CustomResource
    {
        public Registry(string name, RegistryArgs args, CustomResourceOptions? options = null) { }
        public Output<string> LoginServer { get; } = new();
    }
}

namespace Pulumi.AzureNative.ContainerRegistry.Inputs
{
    public class SkuArgs : ResourceArgs
    {
        public InputUnion<string, SkuName> Name { get; set; } = null!;
    }

    public class UserIdentityPropertiesArgs : ResourceArgs
    {
    }

    public class IdentityPropertiesArgs : ResourceArgs
    {
        public Input<ResourceIdentityType>? Type { get; set; }
        public InputList<string> UserAssignedIdentities { get; set; } = new();
    }

    public class KeyVaultPropertiesArgs : ResourceArgs
    {
        public Input<string>? Identity { get; set; }
        public Input<string>? KeyIdentifier { get; set; }
    }

    public class EncryptionPropertyArgs : ResourceArgs
    {
        public InputUnion<string, EncryptionStatus>? Status { get; set; }
        public Input<KeyVaultPropertiesArgs>? KeyVaultProperties { get; set; }
    }

    public class TrustPolicyArgs : ResourceArgs
    {
        public InputUnion<string, PolicyStatus>? Status { get; set; }
    }

    public class PoliciesArgs : ResourceArgs
    {
        public Input<TrustPolicyArgs>? TrustPolicy { get; set; }
    }
}

namespace Pulumi.AzureNative.KeyVault
{
    using Pulumi.AzureNative.KeyVault.Inputs;

    public readonly struct KeyPermissions
    {
        public static KeyPermissions All => default;
        public static KeyPermissions Get => default;
        public static KeyPermissions WrapKey => default;
        public static KeyPermissions UnwrapKey => default;
        public static KeyPermissions List => default;
    }

    public class VaultArgs : ResourceArgs
    {
        public Input<string>? VaultName { get; set; }
        public Input<string> ResourceGroupName { get; set; } = null!;
        public Input<string>? Location { get; set; }
        public Input<VaultPropertiesArgs> Properties { get; set; } = null!;
    }

    public class Vault : CustomResource
    {
        public Vault(string name, VaultArgs args, CustomResourceOptions? options = null) { }
    }
}

namespace Pulumi.AzureNative.KeyVault.Inputs
{
    public class PermissionsArgs : ResourceArgs
    {
        public InputList<InputUnion<string, KeyPermissions>> Keys { get; set; } = new();
    }

    public class AccessPolicyEntryArgs : ResourceArgs
    {
        public Input<string> ObjectId { get; set; } = null!;
        public Input<string> TenantId { get; set; } = null!;
        public Input<PermissionsArgs> Permissions { get; set; } = null!;
    }

    public class VaultPropertiesArgs : ResourceArgs
    {
        public Input<string> TenantId { get; set; } = null!;
        public InputList<AccessPolicyEntryArgs> AccessPolicies { get; set; } = new();
        public Input<bool>? EnablePurgeProtection { get; set; }
        public Input<bool>? EnableSoftDelete { get; set; }
        public Input<bool>? EnableRbacAuthorization { get; set; }
    }
}
