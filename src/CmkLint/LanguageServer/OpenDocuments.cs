using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CmkLint.Loading;
using Newtonsoft.Json.Linq;

namespace CmkLint.Cli.LanguageServer;

/// <summary>A document the editor has open: its text as typed (not as saved) and the version the editor gave it.</summary>
internal sealed class OpenDocument
{
    public OpenDocument(string uri, string path, string text, int version)
    {
        Uri = uri;
        Path = path;
        Text = text;
        Version = version;
    }

    /// <summary>The URI exactly as the client sent it (diagnostics go back under the same spelling).</summary>
    public string Uri { get; }

    /// <summary>The full path, the key the engine reads the document under.</summary>
    public string Path { get; }

    public string Text { get; set; }

    public int Version { get; set; }
}

/// <summary>The documents open in the editor, keyed by full path. Used from the input loop only; the analysis sees snapshots.</summary>
internal sealed class OpenDocuments
{
    private readonly Dictionary<string, OpenDocument> byPath = new(StringComparer.Ordinal);

    public IEnumerable<OpenDocument> All => byPath.Values;

    public OpenDocument? Find(string path) => byPath.TryGetValue(path, out var document) ? document : null;

    public void Open(OpenDocument document) => byPath[document.Path] = document;

    public bool Close(string path) => byPath.Remove(path);

    /// <summary>The texts of every open document now, for one analysis.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        var texts = new Dictionary<string, string>(byPath.Count, StringComparer.Ordinal);
        foreach (var pair in byPath)
        {
            texts[pair.Key] = pair.Value.Text;
        }

        return texts;
    }

    /// <summary>
    /// Applies <c>contentChanges</c> in order: a change with a range replaces that range (0-based lines, UTF-16
    /// characters), one without replaces the whole text. Returns an error for a malformed change (the text is then unchanged).
    /// </summary>
    public static string? Apply(OpenDocument document, JArray changes)
    {
        string text = document.Text;
        foreach (var change in changes)
        {
            if (change is not JObject c || c["text"] is not JValue { Type: JTokenType.String } newText)
            {
                return "a content change without text";
            }

            if (c["range"] is JObject range)
            {
                if (!TryPosition(range["start"], out int startLine, out int startCharacter) || !TryPosition(range["end"], out int endLine, out int endCharacter))
                {
                    return "a content change with a malformed range";
                }

                int start = Offset(text, startLine, startCharacter);
                int end = Offset(text, endLine, endCharacter);
                if (end < start)
                {
                    return "a content change whose range ends before it starts";
                }

                text = text.Substring(0, start) + (string)newText! + text.Substring(end);
            }
            else
            {
                text = (string)newText!;
            }
        }

        document.Text = text;
        return null;
    }

    public static bool TryPosition(JToken? position, out int line, out int character)
    {
        line = 0;
        character = 0;
        if (position is not JObject p || p["line"] is not JValue { Type: JTokenType.Integer } l || p["character"] is not JValue { Type: JTokenType.Integer } ch)
        {
            return false;
        }

        long lineValue = (long)l;
        long characterValue = (long)ch;
        if (lineValue < 0 || characterValue < 0 || lineValue > int.MaxValue || characterValue > int.MaxValue)
        {
            return false;
        }

        line = (int)lineValue;
        character = (int)characterValue;
        return true;
    }

    /// <summary>The offset of an LSP position; past the end of a line means the line's end, past the last line the text's end (as the protocol asks).</summary>
    public static int Offset(string text, int line, int character)
    {
        int offset = 0;
        for (int l = 0; l < line; l++)
        {
            int next = NextLineStart(text, offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next;
        }

        int lineEnd = offset;
        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
        {
            lineEnd++;
        }

        return Math.Min(lineEnd, offset + character);
    }

    private static int NextLineStart(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return i + 1;
            }

            if (text[i] == '\r')
            {
                return i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
            }
        }

        return -1;
    }
}

/// <summary>
/// What the engine reads during one analysis: the editor's unsaved texts over the disk. It records every path the
/// engine asks about (read or only probed, found or not), which is how the server learns which open documents reach
/// an edited module or a new parameters file.
/// </summary>
internal sealed class EditorFileSystem : IFileSystem
{
    private readonly IReadOnlyDictionary<string, string> texts;
    private readonly IFileSystem disk;
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public EditorFileSystem(IReadOnlyDictionary<string, string> texts, IFileSystem disk)
    {
        this.texts = texts;
        this.disk = disk;
    }

    /// <summary>Every full path asked about so far.</summary>
    public HashSet<string> Touched
    {
        get
        {
            lock (gate)
            {
                return new HashSet<string>(touched, StringComparer.Ordinal);
            }
        }
    }

    public bool FileExists(string path)
    {
        string full = Record(path);
        return texts.ContainsKey(full) || disk.FileExists(path);
    }

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        string full = Record(path);
        if (texts.TryGetValue(full, out var text))
        {
            error = null;
            return Encoding.UTF8.GetBytes(text);
        }

        return disk.ReadAllBytes(path, out error);
    }

    private string Record(string path)
    {
        string full = TemplateLoader.Normalize(path);
        lock (gate)
        {
            touched.Add(full);
        }

        return full;
    }
}

/// <summary>Converts between the client's <c>file:</c> URIs and full paths.</summary>
internal static class DocumentUri
{
    /// <summary>The full path of a <c>file:</c> URI, or null for another scheme (an unsaved buffer, a diff view).</summary>
    public static string? ToPath(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(parsed.LocalPath);
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            return null;
        }
    }

    public static string FromPath(string path) => new Uri(path).AbsoluteUri;
}
