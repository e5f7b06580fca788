using System;
using System.IO;
using CmkLint.Diagnostics;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary>
/// One LSP session over a pair of streams: the input loop reads and dispatches messages and never waits for an
/// analysis (those run on <see cref="IncrementalAnalysis"/>'s worker). JSON-RPC is hand-written over Newtonsoft.Json,
/// which the engine already loads: the server needs a dozen methods, and a reflection-based RPC stack would add
/// assemblies to load and JIT at start-up and would not survive trimming.
/// </summary>
internal sealed class LanguageServerSession
{
    private readonly MessageReader reader;
    private readonly MessageWriter writer;
    private readonly TextWriter log;
    private readonly OpenDocuments documents = new();
    private readonly WorkspaceConfiguration workspace = new();
    private IncrementalAnalysis? analysis;
    private bool initialized;
    private bool shutdownRequested;
    private bool watchedFilesDynamic;
    private int nextRequestId;

    public LanguageServerSession(Stream input, Stream output, TextWriter log, int maxContentLength = MessageReader.DefaultMaxContentLength)
    {
        reader = new MessageReader(input, maxContentLength);
        writer = new MessageWriter(output);
        this.log = log;
    }

    /// <summary>Runs until <c>exit</c> or the end of the input; returns the process exit code (0 after <c>shutdown</c>, else 1, as the protocol asks).</summary>
    public int Run()
    {
        try
        {
            while (true)
            {
                var message = reader.Read();
                if (message.IsEnd)
                {
                    return shutdownRequested ? 0 : 1;
                }

                if (message.Error is not null)
                {
                    log.WriteLine("cmklint lsp: malformed message: " + message.Error);
                    writer.RespondError(null, RpcErrorCodes.ParseError, message.Error);
                    continue;
                }

                if (Dispatch(message.Body!) is int exitCode)
                {
                    return exitCode;
                }
            }
        }
        finally
        {
            analysis?.Dispose();
            writer.Dispose();
        }
    }

    /// <summary>Handles one message; returns an exit code when the session ends.</summary>
    private int? Dispatch(JToken body)
    {
        if (body is not JObject message)
        {
            // Batches are not part of LSP; a bare value is not a message.
            writer.RespondError(null, RpcErrorCodes.InvalidRequest, body is JArray ? "JSON-RPC batches are not supported by LSP" : "a message must be a JSON object");
            return null;
        }

        JToken? id = message["id"];
        bool hasId = id is not null && (id.Type == JTokenType.String || id.Type == JTokenType.Integer);
        if (id is not null && !hasId && id.Type != JTokenType.Null)
        {
            writer.RespondError(null, RpcErrorCodes.InvalidRequest, "the id must be a number or a string");
            return null;
        }

        if (message["method"] is not JValue { Type: JTokenType.String } methodToken)
        {
            if (message["result"] is not null || message["error"] is not null)
            {
                // A response to one of the server's own requests (client/registerCapability); nothing waits for it.
                return null;
            }

            writer.RespondError(hasId ? id : null, RpcErrorCodes.InvalidRequest, "a request without a method");
            return null;
        }

        string method = (string)methodToken!;
        JToken? parameters = message["params"];
        if (!hasId)
        {
            return Notification(method, parameters);
        }

        try
        {
            Request(id!, method, parameters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a handler: the request fails, the session goes on.
            log.WriteLine($"cmklint lsp: internal error in {method}: {e}");
            writer.RespondError(id, RpcErrorCodes.InternalError, $"internal error in {method}: {e.GetType().Name}: {e.Message}");
        }

        return null;
    }

    private void Request(JToken id, string method, JToken? parameters)
    {
        if (method == "initialize")
        {
            if (initialized)
            {
                writer.RespondError(id, RpcErrorCodes.InvalidRequest, "initialize was already received");
                return;
            }

            writer.Respond(id, Initialize(parameters as JObject));
            return;
        }

        if (!initialized)
        {
            writer.RespondError(id, RpcErrorCodes.ServerNotInitialized, "the server is not initialized yet");
            return;
        }

        if (shutdownRequested)
        {
            writer.RespondError(id, RpcErrorCodes.InvalidRequest, "the server is shutting down");
            return;
        }

        switch (method)
        {
            case "shutdown":
                shutdownRequested = true;
                writer.Respond(id, null);
                break;
            case "textDocument/codeAction":
                if (parameters is not JObject p)
                {
                    writer.RespondError(id, RpcErrorCodes.InvalidParams, "textDocument/codeAction needs params");
                    break;
                }

                writer.Respond(id, CodeActions.For(p, documents, analysis!));
                break;
            default:
                writer.RespondError(id, RpcErrorCodes.MethodNotFound, "unknown method: " + method);
                break;
        }
    }

    private int? Notification(string method, JToken? parameters)
    {
        if (method == "exit")
        {
            return shutdownRequested ? 0 : 1;
        }

        // Before initialize, notifications are dropped (the protocol says so); after shutdown, only exit counts.
        if (!initialized || shutdownRequested)
        {
            return null;
        }

        try
        {
            var p = parameters as JObject;
            switch (method)
            {
                case "initialized":
                    RegisterWatchers();
                    break;
                case "textDocument/didOpen":
                    DidOpen(p);
                    break;
                case "textDocument/didChange":
                    DidChange(p);
                    break;
                case "textDocument/didSave":
                    DidSave(p);
                    break;
                case "textDocument/didClose":
                    DidClose(p);
                    break;
                case "workspace/didChangeConfiguration":
                    analysis!.Settings = ReadSettings(p?["settings"], analysis.Settings);
                    analysis.ChangedEverything();
                    break;
                case "workspace/didChangeWatchedFiles":
                    DidChangeWatchedFiles(p);
                    break;
                case "workspace/didChangeWorkspaceFolders":
                    DidChangeWorkspaceFolders(p);
                    break;
                default:
                    // $/cancelRequest, $/setTrace and unknown notifications need no answer (requests are answered at once anyway).
                    break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.WriteLine($"cmklint lsp: internal error in {method}: {e}");
        }

        return null;
    }

    private JObject Initialize(JObject? parameters)
    {
        initialized = true;
        if (parameters?["workspaceFolders"] is JArray folders)
        {
            foreach (var folder in folders)
            {
                AddFolder(folder?["uri"]);
            }
        }

        if (workspace.Folders.Count == 0)
        {
            AddFolder(parameters?["rootUri"]);
        }

        watchedFilesDynamic = parameters?.SelectToken("capabilities.workspace.didChangeWatchedFiles.dynamicRegistration") is JValue { Type: JTokenType.Boolean } dynamic && (bool)dynamic;
        var settings = ReadSettings(parameters?["initializationOptions"], AnalysisSettings.Default);
        analysis = new IncrementalAnalysis(documents, workspace, Publish) { Settings = settings };
        return new JObject
        {
            ["capabilities"] = new JObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JObject
                {
                    ["openClose"] = true,
                    ["change"] = 2,
                    ["save"] = new JObject { ["includeText"] = false },
                },
                ["codeActionProvider"] = new JObject { ["codeActionKinds"] = new JArray("quickfix") },
                ["workspace"] = new JObject
                {
                    ["workspaceFolders"] = new JObject { ["supported"] = true, ["changeNotifications"] = true },
                },
            },
            ["serverInfo"] = new JObject { ["name"] = "cmklint", ["version"] = CmkLintCommand.Version },
        };
    }

    /// <summary>
    /// <c>includeInconclusive</c>, <c>failLevel</c> and <c>debounceMilliseconds</c>, at the top level or under <c>cmklint</c>
    /// (VS Code sends its settings section by name); a value that is missing or of the wrong type keeps the current one.
    /// </summary>
    private static AnalysisSettings ReadSettings(JToken? settings, AnalysisSettings current)
    {
        if (settings is not JObject s)
        {
            return current;
        }

        if (s["cmklint"] is JObject section)
        {
            s = section;
        }

        bool inconclusive = s["includeInconclusive"] is JValue { Type: JTokenType.Boolean } i ? (bool)i : current.IncludeInconclusive;
        var failLevel = current.FailLevel;
        if (s["failLevel"] is JValue { Type: JTokenType.String } f)
        {
            failLevel = (string)f! switch
            {
                "error" => Level.Error,
                "warning" => Level.Warning,
                "note" => Level.Note,
                "none" => Level.None,
                _ => failLevel,
            };
        }

        int debounce = current.DebounceMilliseconds;
        if (s["debounceMilliseconds"] is JValue { Type: JTokenType.Integer } d && (long)d >= 0 && (long)d <= 10_000)
        {
            debounce = (int)(long)d;
        }

        return new AnalysisSettings(inconclusive, failLevel, debounce);
    }

    /// <summary>Asks the client to report changes to templates, modules, parameters files and configuration files.</summary>
    private void RegisterWatchers()
    {
        if (!watchedFilesDynamic)
        {
            return;
        }

        var watchers = new JArray();
        foreach (var pattern in new[] { "**/*.bicep", "**/*.bicepparam", "**/*.json", "**/*.jsonc" })
        {
            watchers.Add(new JObject { ["globPattern"] = pattern });
        }

        var registration = new JObject
        {
            ["id"] = "cmklint-watched-files",
            ["method"] = "workspace/didChangeWatchedFiles",
            ["registerOptions"] = new JObject { ["watchers"] = watchers },
        };
        writer.Request("cmklint-" + (++nextRequestId).ToString(System.Globalization.CultureInfo.InvariantCulture), "client/registerCapability", new JObject { ["registrations"] = new JArray(registration) });
    }

    private void DidOpen(JObject? p)
    {
        var item = p?["textDocument"] as JObject;
        string? uri = item?["uri"]?.Type == JTokenType.String ? (string?)item["uri"] : null;
        if (DocumentUri.ToPath(uri) is not string path || item!["text"] is not JValue { Type: JTokenType.String } text)
        {
            return;
        }

        int version = item["version"] is JValue { Type: JTokenType.Integer } v ? (int)(long)v : 0;
        lock (analysis!.Gate)
        {
            documents.Open(new OpenDocument(uri!, path, (string)text!, version));
            analysis.Changed(path);
        }
    }

    private void DidChange(JObject? p)
    {
        if (Document(p) is not { } document || p!["contentChanges"] is not JArray changes)
        {
            return;
        }

        lock (analysis!.Gate)
        {
            if (OpenDocuments.Apply(document, changes) is string error)
            {
                log.WriteLine($"cmklint lsp: {document.Uri}: {error}; the change was ignored");
                return;
            }

            if (p.SelectToken("textDocument.version") is JValue { Type: JTokenType.Integer } v)
            {
                document.Version = (int)(long)v;
            }

            analysis.Changed(document.Path);
        }
    }

    private void DidSave(JObject? p)
    {
        // The editor's text already is what the engine reads; only configuration files are read again (they may now be valid).
        if (Document(p) is { } document && WorkspaceConfiguration.IsConfigurationFile(document.Path))
        {
            analysis!.ChangedEverything();
        }
    }

    private void DidClose(JObject? p)
    {
        if (Document(p) is not { } document)
        {
            return;
        }

        lock (analysis!.Gate)
        {
            documents.Close(document.Path);
            analysis.Closed(document.Path);
        }
    }

    private void DidChangeWatchedFiles(JObject? p)
    {
        if (p?["changes"] is not JArray changes)
        {
            return;
        }

        foreach (var change in changes)
        {
            if (DocumentUri.ToPath(change?["uri"]?.Type == JTokenType.String ? (string?)change["uri"] : null) is string path)
            {
                analysis!.ChangedOnDisk(path);
            }
        }
    }

    private void DidChangeWorkspaceFolders(JObject? p)
    {
        if (p?["event"] is not JObject e)
        {
            return;
        }

        if (e["removed"] is JArray removed)
        {
            foreach (var folder in removed)
            {
                if (DocumentUri.ToPath(folder?["uri"]?.Type == JTokenType.String ? (string?)folder["uri"] : null) is string path)
                {
                    workspace.RemoveFolder(path);
                }
            }
        }

        if (e["added"] is JArray added)
        {
            foreach (var folder in added)
            {
                AddFolder(folder?["uri"]);
            }
        }

        analysis!.ChangedEverything();
    }

    private void AddFolder(JToken? uri)
    {
        if (DocumentUri.ToPath(uri?.Type == JTokenType.String ? (string?)uri : null) is string path)
        {
            workspace.AddFolder(path.TrimEnd(Path.DirectorySeparatorChar));
        }
    }

    private OpenDocument? Document(JObject? p)
    {
        var uri = p?.SelectToken("textDocument.uri");
        return DocumentUri.ToPath(uri?.Type == JTokenType.String ? (string?)uri : null) is string path ? documents.Find(path) : null;
    }

    private void Publish(string uri, int? version, JArray diagnostics)
    {
        var parameters = new JObject { ["uri"] = uri, ["diagnostics"] = diagnostics };
        if (version is int v)
        {
            parameters["version"] = v;
        }

        writer.Notify("textDocument/publishDiagnostics", parameters);
    }
}
