namespace MsBuildSample;

/// <summary>The templates this project deploys; the build checks them with CmkLint before compiling.</summary>
public static class Deployment
{
    public const string RegistryTemplate = "infra/registry.json";
}
