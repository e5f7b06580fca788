using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary>JSON-RPC 2.0 and LSP error codes the server answers with.</summary>
internal static class RpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
}

/// <summary>
/// Writes framed LSP messages from a thread of its own: the input loop and the analysis worker only queue them, so
/// neither ever waits on a client that is slow to read (the classic LSP deadlock of two full pipes).
/// </summary>
internal sealed class MessageWriter : IDisposable
{
    private readonly Stream output;
    private readonly BlockingCollection<byte[]> queue = new();
    private readonly Thread thread;

    public MessageWriter(Stream output)
    {
        this.output = output;
        thread = new Thread(Drain) { IsBackground = true, Name = "cmklint lsp writer" };
        thread.Start();
    }

    public void Notify(string method, JToken? parameters)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        Write(message);
    }

    public void Request(string id, string method, JToken? parameters)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        Write(message);
    }

    public void Respond(JToken? id, JToken? result)
    {
        Write(new JObject { ["jsonrpc"] = "2.0", ["id"] = id ?? JValue.CreateNull(), ["result"] = result ?? JValue.CreateNull() });
    }

    public void RespondError(JToken? id, int code, string message)
    {
        Write(new JObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id ?? JValue.CreateNull(),
            ["error"] = new JObject { ["code"] = code, ["message"] = message },
        });
    }

    /// <summary>Writes what is queued (the answer to <c>shutdown</c>, last diagnostics), waiting a bounded time, then stops.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Write(JObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToString(Formatting.None));
        byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n");
        var framed = new byte[header.Length + body.Length];
        Buffer.BlockCopy(header, 0, framed, 0, header.Length);
        Buffer.BlockCopy(body, 0, framed, header.Length, body.Length);
        try
        {
            queue.Add(framed);
        }
        catch (InvalidOperationException)
        {
            // Disposed: the session has ended.
        }
    }

    private void Drain()
    {
        try
        {
            foreach (var framed in queue.GetConsumingEnumerable())
            {
                output.Write(framed, 0, framed.Length);
                output.Flush();
            }
        }
        catch (Exception e) when (e is IOException || e is ObjectDisposedException)
        {
            // The client went away; the input loop sees the end of its input and stops.
        }
    }
}
