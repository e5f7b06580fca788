using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CmkLint.Tests.LanguageServer;

/// <summary>
/// A minimal LSP client that runs the real <c>cmklint lsp</c> process (the built <c>cmklint.dll</c> under <c>dotnet</c>)
/// and speaks JSON-RPC to it over stdio. Shared by the tests and the latency harness in <c>bench/</c>.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly BlockingCollection<JObject> incoming = new();
    private readonly List<JObject> unclaimed = new();
    private readonly Thread readerThread;
    private readonly StringBuilder errors = new();
    private int nextId;

    public LspClient(string cliDll, string workingDirectory)
    {
        // The built cmklint.dll runs under dotnet; a native executable (NativeBuildTests) runs as it is.
        bool managed = cliDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? "dotnet" : cliDll)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (managed)
        {
            start.ArgumentList.Add(cliDll);
        }

        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--stdio");
        process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet " + cliDll);
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.BaseStream;
        readerThread = new Thread(() => ReadMessages(output)) { IsBackground = true, Name = "lsp client reader" };
        readerThread.Start();
    }

    /// <summary>The failure guard of every wait: generous, only there so a broken server fails a test instead of hanging it.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>What the server wrote on standard error so far.</summary>
    public string ErrorOutput
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public Process Process => process;

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public void Notify(string method, JObject? parameters = null)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        Send(message);
    }

    /// <summary>Sends a request and returns its id (wait for the answer with <see cref="WaitForResponse"/>).</summary>
    public int Request(string method, JObject? parameters = null)
    {
        int id = Interlocked.Increment(ref nextId);
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        Send(message);
        return id;
    }

    public JObject Call(string method, JObject? parameters = null) => WaitForResponse(Request(method, parameters));

    public void Send(JObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToString(Formatting.None));
        SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        SendRaw(body);
    }

    public void SendRaw(byte[] bytes)
    {
        input.Write(bytes, 0, bytes.Length);
        input.Flush();
    }

    public void CloseInput() => input.Close();

    public JObject Initialize(string rootFolder, JObject? initializationOptions = null)
    {
        var parameters = new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = Uri(rootFolder),
            ["workspaceFolders"] = new JArray(new JObject { ["uri"] = Uri(rootFolder), ["name"] = "root" }),
            ["capabilities"] = new JObject(),
        };
        if (initializationOptions is not null)
        {
            parameters["initializationOptions"] = initializationOptions;
        }

        var response = Call("initialize", parameters);
        Notify("initialized", new JObject());
        return response;
    }

    public void Open(string path, string text, int version = 1)
    {
        Notify("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = Uri(path), ["languageId"] = path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "bicep", ["version"] = version, ["text"] = text },
        });
    }

    /// <summary>Replaces the whole text (a full-document change).</summary>
    public void ChangeAll(string path, string text, int version)
    {
        Notify("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JArray(new JObject { ["text"] = text }),
        });
    }

    /// <summary>Replaces one range (an incremental change, as editors send while typing).</summary>
    public void ChangeRange(string path, JObject range, string text, int version)
    {
        Notify("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JArray(new JObject { ["range"] = range, ["text"] = text }),
        });
    }

    public JObject WaitForResponse(int id) => WaitFor(m => m["id"]?.Type == JTokenType.Integer && (int)m["id"]! == id && m["method"] is null, $"the response to request {id}");

    /// <summary>The next <c>publishDiagnostics</c> for a file (with this version, and satisfying <paramref name="until"/>, when given).</summary>
    public JArray WaitForDiagnostics(string path, int? version = null, Func<JArray, bool>? until = null)
    {
        string uri = Uri(path);
        var message = WaitFor(
            m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri && (version is null || (int?)m["params"]!["version"] == version)
                && (until is null || until((JArray)m["params"]!["diagnostics"]!)),
            $"diagnostics for {uri}" + (version is null ? string.Empty : " version " + version));
        return (JArray)message["params"]!["diagnostics"]!;
    }

    /// <summary>The first message (already received or still to come) that matches; messages that do not match stay for later waits.</summary>
    public JObject WaitFor(Func<JObject, bool> match, string what)
    {
        lock (unclaimed)
        {
            for (int i = 0; i < unclaimed.Count; i++)
            {
                if (match(unclaimed[i]))
                {
                    var found = unclaimed[i];
                    unclaimed.RemoveAt(i);
                    return found;
                }
            }
        }

        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !incoming.TryTake(out var message, left))
            {
                throw new TimeoutException($"no {what} within {Timeout.TotalSeconds} s; server stderr:\n{ErrorOutput}");
            }

            if (match(message))
            {
                return message;
            }

            lock (unclaimed)
            {
                unclaimed.Add(message);
            }
        }
    }

    /// <summary>Waits for the process to end (bounded) and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            throw new TimeoutException("the server did not exit; stderr:\n" + ErrorOutput);
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        incoming.Dispose();
    }

    private void ReadMessages(Stream output)
    {
        try
        {
            while (ReadMessage(output) is JObject message)
            {
                incoming.Add(message);
            }
        }
        catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is InvalidOperationException)
        {
            // The process ended or the client was disposed.
        }
    }

    private static JObject? ReadMessage(Stream output)
    {
        int length = -1;
        var line = new StringBuilder();
        while (true)
        {
            int b = output.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b != '\n')
            {
                line.Append((char)b);
                continue;
            }

            string header = line.ToString().TrimEnd('\r');
            line.Clear();
            if (header.Length == 0)
            {
                break;
            }

            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = output.Read(body, read, length - read);
            if (n <= 0)
            {
                return null;
            }

            read += n;
        }

        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body))) { DateParseHandling = DateParseHandling.None };
        return (JObject)JToken.ReadFrom(reader);
    }
}
