using System;
using System.Collections.Generic;
using CmkLint.Bicep.Syntax;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// <c>loadTextContent</c>, <c>loadJsonContent</c> and <c>loadFileAsBase64</c> read a file at compile
/// time; the compiler inlines the content, and so does the lowering when the file can be read.
/// Otherwise the call stays a runtime value. The content is marked as loaded and located at the call:
/// a pull request can make a template load any file inside the root (a key, a token in
/// <c>.git/config</c>), so no message, code frame or report quotes it (docs/security.md).
/// </summary>
internal sealed partial class TemplateLowering
{
    private Expr? LoadContent(FunctionCallSyntax call, string name)
    {
        if (loader is null || call.Arguments.Count == 0 || call.Arguments[0] is not StringSyntax { Value: { Length: > 0 } path })
        {
            return null;
        }

        string full;
        try
        {
            string? dir = System.IO.Path.GetDirectoryName(Loading.TemplateLoader.Normalize(file.Path));
            full = Loading.TemplateLoader.Normalize(dir is null ? path : System.IO.Path.Combine(dir, path));
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Outside the analysis root, a link out of it, a FIFO or a device: refused before anything is
        // opened, and the message names only the path as the template writes it.
        if (loader.FileSystem.RefusalOf(full) is string refusal && refusal != FileAccessPolicy.Missing)
        {
            Unsupported(call.Arguments[0].Span, $"the file '{path}' loaded at compile time (refused: {refusal})");
            return null;
        }

        if (!loader.FileSystem.FileExists(full))
        {
            // A missing file is an error for the compiler (BCP091) but only a note here: analysed
            // copies (an analyzer's additional files, a corpus) often lack their assets.
            Unsupported(call.Arguments[0].Span, $"the file '{path}' loaded at compile time (not found)");
            return null;
        }

        var bytes = loader.FileSystem.ReadAllBytes(full, out var readError);
        if (bytes is null)
        {
            Unsupported(call.Arguments[0].Span, $"the file '{path}' loaded at compile time ({readError ?? "it cannot be read"})");
            return null;
        }

        switch (name)
        {
            case "loadFileAsBase64":
                return new LiteralExpr(call.Span, Convert.ToBase64String(bytes)) { IsLoaded = true };
            case "loadTextContent" when call.Arguments.Count == 1:
                return new LiteralExpr(call.Span, SourceDecoder.Decode(bytes, out _, out _) ?? System.Text.Encoding.UTF8.GetString(bytes)) { IsLoaded = true };
            case "loadJsonContent" when call.Arguments.Count == 1:
                var text = SourceDecoder.Decode(bytes, out _, out _);
                if (text is null)
                {
                    return null;
                }

                var json = new SourceFile(Loading.TemplateLoader.DisplayPath(full), text);
                var node = JsonParser.Parse(json, out var error);
                if (node is null || error is not null)
                {
                    Unsupported(call.Arguments[0].Span, $"the JSON file '{path}' (it is not valid JSON)");
                    return null;
                }

                return FromJson(node, call.Span);
            default:
                return null;
        }
    }

    /// <summary>
    /// JSON content as literal expressions marked loaded, every one located at the call (findings and
    /// code frames then show the template's own text, never the loaded file's): strings stay text
    /// (a loaded file holds no template expressions).
    /// </summary>
    private static Expr FromJson(JsonNode node, SourceSpan call)
    {
        switch (node)
        {
            case JsonString s:
                return new LiteralExpr(call, s.Value) { IsLoaded = true };
            case JsonNumber n:
                return new LiteralExpr(call, n.Value) { IsLoaded = true };
            case JsonBool b:
                return new LiteralExpr(call, b.Value) { IsLoaded = true };
            case JsonArray a:
                var items = new List<Expr>(a.Items.Count);
                foreach (var item in a.Items)
                {
                    items.Add(FromJson(item, call));
                }

                return new ArrayExpr(call, items);
            case JsonObject o:
                var properties = new List<ObjectProperty>(o.Properties.Count);
                foreach (var p in o.Properties)
                {
                    properties.Add(new ObjectProperty(p.Name, call, FromJson(p.Value, call)));
                }

                return new ObjectExpr(call, properties);
            case JsonUnreadValue:
                return new UnsupportedExpr(call, NestingLimit.Message("a JSON value"));
            default:
                return new LiteralExpr(call, null) { IsLoaded = true };
        }
    }
}
