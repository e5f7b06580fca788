namespace CmkLint.Rules.Tests;

/// <summary>Builds ARM templates for tests: the resources and parameters are written as JSON text, so spans are predictable.</summary>
internal static class Templates
{
    /// <summary>A deploymentTemplate with the given parameters (JSON members) and resources (JSON objects).</summary>
    public static string ArmTemplate(string resources, string parameters = "", string variables = "") =>
        "{\n" +
        "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n" +
        "  \"contentVersion\": \"1.0.0.0\",\n" +
        "  \"parameters\": {" + parameters + "},\n" +
        "  \"variables\": {" + variables + "},\n" +
        "  \"resources\": [\n" + resources + "\n  ]\n" +
        "}\n";

    /// <summary>A registry resource: name, SKU, API version, and the text inside <c>properties</c>.</summary>
    public static string Registry(string properties, string name = "acr1", string sku = "Premium", string apiVersion = "2023-07-01", string extra = "") =>
        "    {\n" +
        "      \"type\": \"Microsoft.ContainerRegistry/registries\",\n" +
        "      \"apiVersion\": \"" + apiVersion + "\",\n" +
        "      \"name\": \"" + name + "\",\n" +
        "      \"location\": \"westeurope\",\n" +
        "      \"sku\": { \"name\": \"" + sku + "\" },\n" +
        extra +
        "      \"properties\": {\n" + properties + "\n      }\n" +
        "    }";

    /// <summary><c>"encryption": { "status": ... }</c> with a key, as the inside of <c>properties</c>.</summary>
    public static string Encryption(string status = "enabled") =>
        "        \"encryption\": { \"status\": \"" + status + "\", \"keyVaultProperties\": { \"identity\": \"00000000-0000-0000-0000-000000000001\", \"keyIdentifier\": \"https://kv1.vault.azure.net/keys/k1\" } }";
}
