namespace CmkLint.MSBuild;

/// <summary>
/// The engine's configuration reader and SARIF writer as the task uses them. They are being written
/// on the CLI branch (src/CmkLint.Rules/Configuration, src/CmkLint.Rules/Reporting); until they are
/// merged the task says, with a warning, that it cannot honour CmkLintConfig or CmkLintSarifFile.
/// </summary>
internal static class EngineServices
{
    public static IRunConfiguration? Configuration => null;

    public static ISarifReport? Sarif => null;
}
