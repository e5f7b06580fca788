using System;
using System.Collections.Generic;
using CmkLint.Bicep.Syntax;
using CmkLint.Loading;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// <c>loadTextContent</c>, <c>loadJsonContent</c> and <c>loadFileAsBase64</c> read a file at compile
/// time; the compiler inlines the content, and so does the lowering when the file can be read
/// (the JSON keeps its own spans, so findings point into it). Otherwise the call stays a runtime value.
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
                return new LiteralExpr(call.Span, Convert.ToBase64String(bytes));
            case "loadTextContent" when call.Arguments.Count == 1:
                return new LiteralExpr(call.Span, SourceDecoder.Decode(bytes, out _, out _) ?? System.Text.Encoding.UTF8.GetString(bytes));
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

                return FromJson(node);
            default:
                return null;
        }
    }

    /// <summary>JSON content as literal expressions: strings stay text (a loaded file holds no template expressions).</summary>
    private static Expr FromJson(JsonNode node)
    {
        switch (node)
        {
            case JsonString s:
                return new LiteralExpr(s.Span, s.Value);
            case JsonNumber n:
                return new LiteralExpr(n.Span, n.Value);
            case JsonBool b:
                return new LiteralExpr(b.Span, b.Value);
            case JsonArray a:
                var items = new List<Expr>(a.Items.Count);
                foreach (var item in a.Items)
                {
                    items.Add(FromJson(item));
                }

                return new ArrayExpr(a.Span, items);
            case JsonObject o:
                var properties = new List<ObjectProperty>(o.Properties.Count);
                foreach (var p in o.Properties)
                {
                    properties.Add(new ObjectProperty(p.Name, p.NameSpan, FromJson(p.Value)));
                }

                return new ObjectExpr(o.Span, properties);
            case JsonUnreadValue:
                return new UnsupportedExpr(node.Span, NestingLimit.Message("a JSON value"));
            default:
                return new LiteralExpr(node.Span, null);
        }
    }
}
