using System.Threading.Tasks;
using Xunit;

namespace CmkLint.Analyzers.Tests;

/// <summary>Azure.Provisioning shapes beyond the plain initializer: later statements, nested initializers, values that are not constants.</summary>
public class ProvisioningTests
{
    [Fact]
    public Task Cmk001_sku_set_by_a_later_statement_is_reported_there() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Snippets.Provisioning(after: """

                    registry.Sku.Name = {|CMK001:ContainerRegistrySkuName.Basic|};
            """));

    [Fact]
    public Task Cmk001_sku_replaced_by_a_later_assignment_in_the_wrapped_shape_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning10, Snippets.Provisioning(after: """

                    registry.Sku = new ContainerRegistrySku { Name = {|CMK001:ContainerRegistrySkuName.Standard|} };
            """));

    [Fact]
    public Task Cmk001_nested_initializer_in_the_unwrapped_shape_is_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Snippets.Provisioning(sku: "ContainerRegistrySkuName.Premium", after: """

                    var other = new ContainerRegistryService("acr2")
                    {
                        Sku = { Name = {|CMK001:ContainerRegistrySkuName.Standard|} },
                        Identity = registry.Identity,
                        Encryption = registry.Encryption,
                    };
            """));

    [Fact]
    public Task Cmk001_sku_from_a_method_parameter_is_not_reported() =>
        Verify.CSharpAsync(Sdk.Provisioning11, Snippets.Provisioning(sku: "sku", parameters: "ContainerRegistrySkuName sku"));
}
