using System;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using Xunit;

namespace CmkLint.Tests.LanguageServer;

/// <summary>The real <c>cmklint lsp</c> process, driven over stdio as an editor drives it.</summary>
public sealed class LanguageServerTests : IDisposable
{
    private const string CallerWithModuleSku = @"module settings 'settings.bicep' = {
  name: 'settings'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'acr-cmk-identity'
  location: 'westeurope'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrcmk'
  location: 'westeurope'
  sku: {
    name: settings.outputs.sku
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: identity.properties.clientId
        keyIdentifier: 'https://contoso-vault.vault.azure.net/keys/acr-cmk'
      }
    }
  }
}
";

    private readonly TempTree tree = new();

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "cmklint.dll");

    private static string StandardSkuSample => File.ReadAllText(Path.Combine(Repository.Root, "samples", "bicep", "bad", "cmk001-standard-sku.bicep")).Replace("\r\n", "\n");

    public void Dispose() => tree.Dispose();

    [Fact]
    public void Cmk001_is_published_at_the_sku_range_and_cleared_when_the_sku_becomes_premium()
    {
        string text = StandardSkuSample;
        string path = tree.Write("main.bicep", text);
        using var client = Start(path);

        var diagnostics = client.WaitForDiagnostics(path, version: 1);
        var cmk001 = Assert.Single(diagnostics, d => (string?)d["code"] == "CMK001");
        var expected = RangeOf(text, "'Standard'", after: "name: ");
        Assert.Equal(expected.ToString(), cmk001["range"]!.ToString());
        Assert.Equal(1, (int)cmk001["severity"]!);
        Assert.Equal("cmklint", (string?)cmk001["source"]);
        Assert.EndsWith("docs/rules/CMK001.md", (string)cmk001["codeDescription"]!["href"]!);
        var related = Assert.Single((JArray)cmk001["relatedInformation"]!);
        Assert.Equal(LspClient.Uri(path), (string?)related["location"]!["uri"]);
        Assert.Equal(RangeOf(text, "'enabled'", after: "status: ").ToString(), related["location"]!["range"]!.ToString());

        client.ChangeRange(path, expected, "'Premium'", version: 2);
        var after = client.WaitForDiagnostics(path, version: 2);
        Assert.DoesNotContain(after, d => (string?)d["code"] == "CMK001");
    }

    [Fact]
    public void Editing_a_module_updates_the_diagnostics_of_its_open_caller()
    {
        string main = tree.Write("main.bicep", CallerWithModuleSku);
        string module = tree.Write("settings.bicep", "output sku string = 'Standard'\n");
        using var client = Start(main);

        var before = client.WaitForDiagnostics(main, version: 1);
        var cmk001 = Assert.Single(before, d => (string?)d["code"] == "CMK001");
        Assert.Equal(RangeOf(CallerWithModuleSku, "settings.outputs.sku").ToString(), cmk001["range"]!.ToString());

        // The module's unsaved text is what the caller sees.
        client.Open(module, "output sku string = 'Standard'\n");
        client.ChangeAll(module, "output sku string = 'Premium'\n", version: 2);
        client.WaitForDiagnostics(main, until: NoCmk001);

        // Closed without saving: the caller reads the module from the disk again.
        client.Notify("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.Uri(module) } });
        client.WaitForDiagnostics(main, until: d => !NoCmk001(d));

        // Saved by another program: the watched-file notification updates the caller.
        File.WriteAllText(module, "output sku string = 'Premium'\n");
        client.Notify("workspace/didChangeWatchedFiles", new JObject { ["changes"] = new JArray(new JObject { ["uri"] = LspClient.Uri(module), ["type"] = 2 }) });
        client.WaitForDiagnostics(main, until: NoCmk001);
    }

    [Fact]
    public void A_code_action_replaces_the_sku_with_premium_and_the_finding_goes()
    {
        string text = StandardSkuSample;
        string path = tree.Write("main.bicep", text);
        using var client = Start(path);
        var diagnostic = client.WaitForDiagnostics(path, version: 1).Single(d => (string?)d["code"] == "CMK001");

        var response = client.Call("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = LspClient.Uri(path) },
            ["range"] = diagnostic["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic) },
        });
        var action = Assert.Single((JArray)response["result"]!, a => (string?)((JArray)a["diagnostics"]!)[0]["code"] == "CMK001");
        Assert.Equal("quickfix", (string?)action["kind"]);
        var edit = Assert.Single((JArray)action["edit"]!["changes"]![LspClient.Uri(path)]!);
        Assert.Equal("'Premium'", (string?)edit["newText"]);

        // Apply the edit as the editor would, then the server re-analyses the fixed text.
        client.ChangeRange(path, (JObject)edit["range"]!, (string)edit["newText"]!, version: 2);
        var after = client.WaitForDiagnostics(path, version: 2);
        Assert.True(NoCmk001(after), after.ToString());
    }

    [Fact]
    public void The_workspace_cmklint_json_applies_and_its_unsaved_errors_show_in_it()
    {
        string path = tree.Write("main.bicep", StandardSkuSample);
        string config = tree.Write("cmklint.json", "{ \"rules\": { \"CMK001\": \"off\" } }\n");
        using var client = Start(path);
        Assert.True(NoCmk001(client.WaitForDiagnostics(path, version: 1)));

        // An unsaved, broken edit: the configuration is not used (as the CLI refuses it) and the error shows where it is.
        client.Open(config, File.ReadAllText(config));
        client.ChangeAll(config, "{ \"rules\": { \"CMK001\": \"sometimes\" } }\n", version: 2);
        var errors = client.WaitForDiagnostics(config, until: d => d.Count > 0);
        Assert.Equal(0, (int)errors[0]["range"]!["start"]!["line"]!);
        Assert.Equal(1, (int)errors[0]["severity"]!);
        client.WaitForDiagnostics(path, until: d => !NoCmk001(d));
    }

    [Fact]
    public void Inconclusive_checks_appear_as_information_only_once_turned_on()
    {
        string text = StandardSkuSample.Replace("param location string = resourceGroup().location", "param location string = resourceGroup().location\nparam skuName string", StringComparison.Ordinal)
            .Replace("name: 'Standard'", "name: skuName", StringComparison.Ordinal);
        string path = tree.Write("main.bicep", text);
        using var client = Start(path);

        Assert.Empty(client.WaitForDiagnostics(path, version: 1));
        client.Notify("workspace/didChangeConfiguration", new JObject { ["settings"] = new JObject { ["cmklint"] = new JObject { ["includeInconclusive"] = true } } });
        var undecided = client.WaitForDiagnostics(path, until: d => d.Count > 0);
        var cmk001 = Assert.Single(undecided, d => (string?)d["code"] == "CMK001");
        Assert.Equal(3, (int)cmk001["severity"]!);
        Assert.Equal(RangeOf(text, "skuName", after: "name: ").ToString(), cmk001["range"]!.ToString());
    }

    [Fact]
    public void Malformed_messages_are_answered_with_errors_and_the_server_keeps_working()
    {
        string path = tree.Write("main.bicep", StandardSkuSample);
        using var client = new LspClient(CliDll, tree.Root);

        // Before initialize, a request is refused with ServerNotInitialized.
        var early = client.Call("textDocument/codeAction", new JObject());
        Assert.Equal(-32002, (int)early["error"]!["code"]!);
        client.Initialize(tree.Root);

        client.SendRaw(Encoding.ASCII.GetBytes("Content-Length: twelve\r\n\r\n"));
        Assert.Equal(-32700, ParseErrorCode(client));
        client.SendRaw(Encoding.ASCII.GetBytes("Content-Length: 9\r\n\r\n{\"jsonrp}"));
        Assert.Equal(-32700, ParseErrorCode(client));
        client.SendRaw(Encoding.ASCII.GetBytes("Content-Length: 2\r\n\r\n[]"));
        Assert.Equal(-32600, ParseErrorCode(client));

        // A length above the cap is refused and its bytes skipped without being kept.
        int over = 80 * 1024 * 1024 + 1;
        client.SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {over}\r\n\r\n"));
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)' ');
        for (int sent = 0; sent < over; sent += chunk.Length)
        {
            client.SendRaw(sent + chunk.Length <= over ? chunk : chunk.AsSpan(0, over - sent).ToArray());
        }

        Assert.Equal(-32700, ParseErrorCode(client));

        var unknown = client.Call("cmklint/noSuchMethod", new JObject());
        Assert.Equal(-32601, (int)unknown["error"]!["code"]!);
        client.Notify("cmklint/noSuchNotification", new JObject());

        // A document that does not parse gets a located CMK900, and the next edit is analysed as usual.
        client.Open(path, "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  sku: {\n");
        var broken = client.WaitForDiagnostics(path, version: 1);
        Assert.Contains(broken, d => (string?)d["code"] == "CMK900");
        client.ChangeAll(path, StandardSkuSample, version: 2);
        Assert.Contains(client.WaitForDiagnostics(path, version: 2), d => (string?)d["code"] == "CMK001");
    }

    [Fact]
    public void Shutdown_then_exit_ends_the_process_with_exit_code_0()
    {
        using var client = new LspClient(CliDll, tree.Root);
        client.Initialize(tree.Root);
        var shutdown = client.Call("shutdown");
        Assert.Equal(JTokenType.Null, shutdown["result"]!.Type);
        var refused = client.Call("textDocument/codeAction", new JObject());
        Assert.Equal(-32600, (int)refused["error"]!["code"]!);
        client.Notify("exit");
        Assert.Equal(0, client.WaitForExit());
    }

    [Fact]
    public void Exit_without_shutdown_ends_the_process_with_exit_code_1()
    {
        using var client = new LspClient(CliDll, tree.Root);
        client.Initialize(tree.Root);
        client.Notify("exit");
        Assert.Equal(1, client.WaitForExit());
    }

    private static bool NoCmk001(JArray diagnostics) => !diagnostics.Any(d => (string?)d["code"] == "CMK001");

    private static int ParseErrorCode(LspClient client)
    {
        var error = client.WaitFor(m => m["error"] is not null && m["id"]!.Type == JTokenType.Null, "an error response with a null id");
        return (int)error["error"]!["code"]!;
    }

    /// <summary>The LSP range of the first occurrence of a piece of text (0-based line and UTF-16 character).</summary>
    private static JObject RangeOf(string text, string piece, string after = "")
    {
        int start = text.IndexOf(after + piece, StringComparison.Ordinal);
        start = start < 0 ? start : start + after.Length;
        Assert.True(start >= 0, piece + " not in the text");
        return new JObject { ["start"] = Position(text, start), ["end"] = Position(text, start + piece.Length) };
    }

    private static JObject Position(string text, int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new JObject { ["line"] = line, ["character"] = offset - lineStart };
    }

    /// <summary>A server initialized on the temporary folder, with these files open at version 1 (their text from the disk).</summary>
    private LspClient Start(params string[] open)
    {
        var client = new LspClient(CliDll, tree.Root);
        client.Initialize(tree.Root);
        foreach (var file in open)
        {
            client.Open(file, File.ReadAllText(file));
        }

        return client;
    }
}
