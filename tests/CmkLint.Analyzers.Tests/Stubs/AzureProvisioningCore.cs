// Stubs of the Azure.Provisioning types the analyzer recognises (same namespaces, names and member types).
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

namespace Azure.Provisioning.Expressions
{
    public abstract class BicepExpression
    {
    }
}

namespace Azure.Provisioning
{
    using System;
    using System.Collections.Generic;
    using Azure.Provisioning.Expressions;
    using Azure.Provisioning.Primitives;

    public abstract class BicepValue
    {
        public BicepExpression Compile() => null!;
    }

    public class BicepValue<T> : BicepValue
    {
        public T Value => default!;
        public static implicit operator BicepValue<T>(T value) => new BicepValue<T>();
        public static implicit operator BicepValue<T>(BicepExpression expression) => new BicepValue<T>();
        public static implicit operator BicepValue<T>(ProvisioningParameter parameter) => new BicepValue<T>();
        public static implicit operator BicepValue<T>(ProvisioningVariable variable) => new BicepValue<T>();
    }

    public class BicepList<T> : System.Collections.ObjectModel.Collection<BicepValue<T>>
    {
    }

    public class BicepDictionary<T> : Dictionary<string, BicepValue<T>>
    {
    }

    public class ProvisioningVariable : NamedProvisionableConstruct
    {
        public ProvisioningVariable(string bicepIdentifier, Type type, BicepValue<object>? value = null) : base(bicepIdentifier) { }
    }

    public class ProvisioningParameter : ProvisioningVariable
    {
        public ProvisioningParameter(string bicepIdentifier, Type type) : base(bicepIdentifier, type) { }
    }

    public static class BicepFunction
    {
        public static BicepValue<string> Interpolate(System.FormattableString text) => new BicepValue<string>();
    }

    public class Infrastructure
    {
        public Infrastructure(string bicepName = "main") { }
        public virtual void Add(Provisionable resource) { }
        public IEnumerable<Provisionable> GetProvisionableResources() => Array.Empty<Provisionable>();
    }
}

namespace Azure.Provisioning.Primitives
{
    public abstract class Provisionable
    {
    }

    public abstract class ProvisionableConstruct : Provisionable
    {
    }

    public abstract class NamedProvisionableConstruct : ProvisionableConstruct
    {
        protected NamedProvisionableConstruct(string bicepIdentifier) { }
        public string BicepIdentifier => "";
    }

    public abstract class ProvisionableResource : NamedProvisionableConstruct
    {
        protected ProvisionableResource(string bicepIdentifier, string resourceType, string? resourceVersion = null) : base(bicepIdentifier) { }
        public System.Collections.Generic.IList<ProvisionableResource> DependsOn { get; } = new System.Collections.Generic.List<ProvisionableResource>();
    }
}

namespace Azure.Provisioning.Roles
{
    using System;
    using Azure.Core;
    using Azure.Provisioning.Primitives;

    public class UserAssignedIdentity : ProvisionableResource
    {
        public UserAssignedIdentity(string bicepIdentifier, string? resourceVersion = null) : base(bicepIdentifier, "Microsoft.ManagedIdentity/userAssignedIdentities", resourceVersion) { }
        public BicepValue<string> Name { get; set; } = null!;
        public BicepValue<AzureLocation> Location { get; set; } = null!;
        public BicepValue<Guid> ClientId { get; } = null!;
        public BicepValue<Guid> PrincipalId { get; } = null!;
        public BicepValue<Guid> TenantId { get; } = null!;
        public BicepValue<ResourceIdentifier> Id { get; } = null!;
    }

    public class RoleAssignment : ProvisionableResource
    {
        public RoleAssignment(string bicepIdentifier, string? resourceVersion = null) : base(bicepIdentifier, "Microsoft.Authorization/roleAssignments", resourceVersion) { }
    }
}

namespace Azure.Provisioning.Resources
{
    using Azure.Provisioning.Primitives;

    public enum ManagedServiceIdentityType
    {
        None,
        SystemAssigned,
        UserAssigned,
        SystemAssignedUserAssigned,
    }

    public class UserAssignedIdentityDetails : ProvisionableConstruct
    {
    }
}
