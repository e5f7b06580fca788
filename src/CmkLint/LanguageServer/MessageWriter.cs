using System;
using System.IO;
using System.Text;
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

/// <summary>Writes framed LSP messages; safe to call from the input loop and the analysis worker at once.</summary>
internal sealed class MessageWriter
{
    private readonly Stream output;
    private readonly object gate = new();
    private bool broken;

    public MessageWriter(Stream output)
    {
        this.output = output;
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

    private void Write(JObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToString(Formatting.None));
        byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (gate)
        {
            if (broken)
            {
                return;
            }

            try
            {
                output.Write(header, 0, header.Length);
                output.Write(body, 0, body.Length);
                output.Flush();
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                // The client went away; the input loop sees the end of its input and stops.
                broken = true;
            }
        }
    }
}
