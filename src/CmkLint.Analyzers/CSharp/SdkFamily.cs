namespace CmkLint.Analyzers.CSharp;

/// <summary>The C# SDK a lowered block uses: findings are phrased in its property names.</summary>
internal enum SdkFamily
{
    None,
    Provisioning,
    ResourceManager,
    Pulumi,
}
