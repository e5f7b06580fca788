using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CmkLint.Bicep.Modules;
using CmkLint.Engine;
using CmkLint.Loading;
using Xunit;
using Xunit.Abstractions;

namespace CmkLint.Rules.Tests.Oracle;

/// <summary>
/// The module cache layout checked against the real Bicep CLI: the compiled AVM registry module is
/// published with <c>bicep publish</c> to a local OCI registry (Debian's <c>docker-registry</c>, on
/// loopback with a throw-away TLS certificate), restored with <c>bicep restore</c> into a temporary
/// home folder, and CmkLint must find it there and report the caller's CMK mistake. Skips (and says
/// so) when the registry binary, openssl or the compiler package is absent; it installs nothing.
/// </summary>
public sealed class BicepRegistryCacheTests
{
    private const string RegistryBinary = "/usr/bin/docker-registry";
    private const string OpenSsl = "/usr/bin/openssl";

    private readonly ITestOutputHelper output;

    public BicepRegistryCacheTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Bicep_restore_writes_the_module_where_CmkLint_reads_it()
    {
        if (BicepCompiler.Executable is null || !File.Exists(RegistryBinary) || !File.Exists(OpenSsl))
        {
            output.WriteLine("docker-registry, openssl or the Bicep compiler is not installed; the live cache layout test did not run (the layout is pinned in RegistryModuleTests).");
            return;
        }

        string work = Path.Combine(Path.GetTempPath(), "cmklint-registry-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        string home = Path.Combine(work, "home");
        string project = Path.Combine(work, "project");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(project);
        Process? registry = null;
        try
        {
            string cert = Path.Combine(work, "cert.pem");
            string key = Path.Combine(work, "key.pem");
            Run(OpenSsl, work, null, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");

            int port = FreeLoopbackPort();
            string config = Path.Combine(work, "registry.yml");
            File.WriteAllText(config, $"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {Path.Combine(work, "store")}\nhttp:\n  addr: 127.0.0.1:{port}\n  tls:\n    certificate: {cert}\n    key: {key}\n");
            registry = Start(RegistryBinary, work, null, "serve", config);

            // Drain its log so a full pipe never blocks it.
            registry.OutputDataReceived += (_, _) => { };
            registry.ErrorDataReceived += (_, _) => { };
            registry.BeginOutputReadLine();
            registry.BeginErrorReadLine();
            Assert.True(WaitForPort(port), "the local registry did not start listening");

            string registryHost = "127.0.0.1:" + port;
            string avm = Path.Combine(Lint.SharedRoot(), "corpus", "avm", "res", "container-registry", "registry", "main.json");
            string bicepEnvironment = home + "|" + cert;
            Run(BicepCompiler.Executable, project, bicepEnvironment, "publish", avm, "--target", $"br:{registryHost}/bicep/avm/res/container-registry/registry:V0.12-Cmk");

            File.WriteAllText(Path.Combine(project, "bicepconfig.json"), $$"""
                { "moduleAliases": { "br": { "local": { "registry": "{{registryHost}}", "modulePath": "bicep" } } } }
                """);
            string main = """
                module registry 'br/local:avm/res/container-registry/registry:V0.12-Cmk' = {
                  params: {
                    name: 'contosoacr'
                    acrSku: 'Standard'
                    customerManagedKey: {
                      keyVaultResourceId: resourceId('Microsoft.KeyVault/vaults', 'kv')
                      keyName: 'key'
                    }
                  }
                }
                """;
            string mainPath = Path.Combine(project, "main.bicep");
            File.WriteAllText(mainPath, main);
            Run(BicepCompiler.Executable, project, bicepEnvironment, "restore", mainPath);

            // Where CmkLint looks is where the Bicep CLI wrote.
            var configuration = BicepConfiguration.Read(new CmkLint.Text.SourceFile("bicepconfig.json", File.ReadAllText(Path.Combine(project, "bicepconfig.json"))), Path.Combine(project, "bicepconfig.json"));
            var reference = ModuleReference.Parse("br/local:avm/res/container-registry/registry:V0.12-Cmk", configuration, out var error);
            Assert.Null(error);
            string expected = Path.Combine(home, ".bicep", "br", "127.0.0.1$" + port, "bicep$avm$res$container-registry$registry", "V0.12-Cmk$41", "main.json");
            Assert.Equal(expected, Path.Combine(new[] { Path.Combine(home, ".bicep") }.Concat(reference!.CacheFolder()).Append("main.json").ToArray()));
            output.WriteLine("restored: " + string.Join(", ", Directory.GetFiles(Path.Combine(home, ".bicep"), "*", SearchOption.AllDirectories).Select(f => f.Substring(home.Length))));
            Assert.True(File.Exists(expected), "bicep restore did not write " + expected);

            var result = new LintEngine(new LintOptions { Parallel = false, BicepHomeDirectory = home }).Analyze(new[] { mainPath });
            var finding = Assert.Single(result.Findings, f => f.RuleId == "CMK001");
            Assert.Equal(mainPath, TemplateLoader.Normalize(finding.Path));
            Assert.Equal(Lint.Locate(main, "'Standard'"), finding.Position());
        }
        finally
        {
            if (registry is not null && !registry.HasExited)
            {
                registry.Kill();
                registry.WaitForExit(10_000);
            }

            registry?.Dispose();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean: a temp folder.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Tries to connect a bounded number of times (the registry starts in well under a second).</summary>
    private static bool WaitForPort(int port)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                System.Threading.Thread.Sleep(100);
            }
        }

        return false;
    }

    private static Process Start(string file, string directory, string? bicepEnvironment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (bicepEnvironment is not null)
        {
            string[] parts = bicepEnvironment.Split('|');
            start.Environment["HOME"] = parts[0];
            start.Environment["SSL_CERT_FILE"] = parts[1];
            start.Environment["BICEP_TRUSTED_REGISTRIES"] = "127.0.0.1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["BICEP_TRACING_ENABLED"] = "false";
        }

        return Process.Start(start)!;
    }

    private static void Run(string file, string directory, string? bicepEnvironment, params string[] arguments)
    {
        using var process = Start(file, directory, bicepEnvironment, arguments);
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(180_000))
        {
            process.Kill();
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {string.Join(" ", arguments)} failed: {stdout}{stderr.Result}");
    }
}
