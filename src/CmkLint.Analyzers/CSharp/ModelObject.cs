using System;
using System.Collections.Generic;
using CmkLint.Model;
using CmkLint.Text;

namespace CmkLint.Analyzers.CSharp;

/// <summary>
/// An object being assembled from C# (an object initializer, then later assignments); becomes an
/// <see cref="ObjectExpr"/> once the whole block is read. Values are <see cref="Expr"/>,
/// <see cref="ModelObject"/> or <see cref="ModelArray"/>.
/// </summary>
internal sealed class ModelObject
{
    private readonly List<Entry> entries = new();

    public ModelObject(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    /// <summary>Set when properties of the object were set outside the analysed code (its values are then partly unknown).</summary>
    public UnsupportedExpr? OpenBecause { get; set; }

    /// <summary>Set when the object leaves the analysed code (returned, passed on): code elsewhere may change any property after what is seen here, so none is known.</summary>
    public UnsupportedExpr? EscapedBecause { get; set; }

    public IReadOnlyList<Entry> Entries => entries;

    /// <summary>Sets a dotted ARM path (<c>properties.encryption</c>), creating the objects on the way; a later set replaces an earlier one.</summary>
    public void Set(string path, object value, SourceSpan nameSpan)
    {
        int dot = path.IndexOf('.');
        if (dot >= 0)
        {
            GetOrCreate(path.Substring(0, dot), nameSpan).Set(path.Substring(dot + 1), value, nameSpan);
            return;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].KeyExpr is null && string.Equals(entries[i].Name, path, StringComparison.OrdinalIgnoreCase))
            {
                entries[i] = new Entry(path, nameSpan, value, null);
                return;
            }
        }

        entries.Add(new Entry(path, nameSpan, value, null));
    }

    /// <summary>An entry whose key is an expression (a dictionary initializer such as <c>{ identity.Id, new() }</c>); a later entry with the same key replaces it (an indexer set).</summary>
    public void Add(string name, Expr? keyExpr, object value, SourceSpan nameSpan)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            if ((entries[i].KeyExpr is null) == (keyExpr is null) && string.Equals(entries[i].Name, name, StringComparison.Ordinal))
            {
                entries[i] = new Entry(name, nameSpan, value, keyExpr);
                return;
            }
        }

        entries.Add(new Entry(name, nameSpan, value, keyExpr));
    }

    /// <summary>A dictionary's <c>Clear()</c>: under a condition each entry stays only when the condition is false.</summary>
    public void Clear(Expr? condition)
    {
        if (condition is null)
        {
            entries.Clear();
            return;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            entries[i] = new Entry(e.Name, e.NameSpan, new ModelConditional(ModelConditional.Not(condition), e.Value, null, e.NameSpan), e.KeyExpr);
        }
    }

    /// <summary>The value at a dotted path, or null.</summary>
    public object? Find(string path)
    {
        int dot = path.IndexOf('.');
        if (dot < 0)
        {
            return Get(path);
        }

        return Get(path.Substring(0, dot)) is ModelObject o ? o.Find(path.Substring(dot + 1)) : null;
    }

    /// <summary>The object at a dotted path, created (empty) when absent or not an object.</summary>
    public ModelObject GetOrCreate(string path, SourceSpan span)
    {
        int dot = path.IndexOf('.');
        string first = dot < 0 ? path : path.Substring(0, dot);
        ModelObject? found = null;
        foreach (var e in entries)
        {
            if (e.KeyExpr is null && string.Equals(e.Name, first, StringComparison.OrdinalIgnoreCase) && e.Value is ModelObject o)
            {
                found = o;
            }
        }

        if (found is null)
        {
            // A nested model of an object made elsewhere was made there too: its other properties are as unknown as the object's.
            found = new ModelObject(span) { OpenBecause = OpenBecause };
            Set(first, found, span);
        }

        return dot < 0 ? found : found.GetOrCreate(path.Substring(dot + 1), span);
    }

    /// <summary>The array at a dotted path, created when absent; a new array's value is at <paramref name="valueSpan"/> (a collection initializer) when given.</summary>
    public ModelArray GetOrCreateArray(string path, SourceSpan span, SourceSpan? valueSpan = null)
    {
        int dot = path.LastIndexOf('.');
        var owner = dot < 0 ? this : GetOrCreate(path.Substring(0, dot), span);
        string name = dot < 0 ? path : path.Substring(dot + 1);
        foreach (var e in owner.entries)
        {
            if (e.KeyExpr is null && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) && e.Value is ModelArray a)
            {
                return a;
            }
        }

        var array = new ModelArray(valueSpan ?? span);
        owner.Set(name, array, span);
        return array;
    }

    /// <summary>Copies another object's entries into this one (Pulumi's <c>args</c> become the resource body).</summary>
    public void MergeFrom(ModelObject other)
    {
        OpenBecause ??= other.OpenBecause;
        EscapedBecause ??= other.EscapedBecause;
        foreach (var e in other.entries)
        {
            if (e.KeyExpr is null)
            {
                Set(e.Name, e.Value, e.NameSpan);
            }
            else
            {
                entries.Add(e);
            }
        }
    }

    /// <summary>The value set at a top-level name, or null.</summary>
    public object? Get(string name)
    {
        object? found = null;
        foreach (var e in entries)
        {
            if (e.KeyExpr is null && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = e.Value;
            }
        }

        return found;
    }

    public ObjectExpr ToExpr() => ToExpr(new HashSet<object>());

    internal ObjectExpr ToExpr(HashSet<object> visiting)
    {
        var properties = new List<ObjectProperty>(entries.Count + 1);
        if (!visiting.Add(this))
        {
            return new ObjectExpr(Span, properties);
        }

        if (EscapedBecause is not null)
        {
            // The engine reads the properties listed before a spread as known; an object that code elsewhere may
            // change after what is seen here has none that are.
            properties.Add(new ObjectProperty("...", EscapedBecause.Span, new SpreadExpr(EscapedBecause.Span, EscapedBecause)));
            visiting.Remove(this);
            return new ObjectExpr(Span, properties);
        }

        if (OpenBecause is not null)
        {
            properties.Add(new ObjectProperty("...", OpenBecause.Span, new SpreadExpr(OpenBecause.Span, OpenBecause)));
        }

        foreach (var e in entries)
        {
            properties.Add(new ObjectProperty(e.Name, e.NameSpan, ToExpr(e.Value, visiting), e.KeyExpr));
        }

        visiting.Remove(this);
        return new ObjectExpr(Span, properties);
    }

    internal static Expr ToExpr(object value, HashSet<object> visiting) => value switch
    {
        ModelObject o => o.ToExpr(visiting),
        ModelArray a => a.ToExpr(visiting),
        ModelConditional c => c.ToExpr(visiting),
        Expr e => e,
        _ => new UnsupportedExpr(SourceSpan.None, "an unrecognised value"),
    };

    /// <summary>One property: an ARM name (or a key expression) and its value.</summary>
    internal sealed class Entry
    {
        public Entry(string name, SourceSpan nameSpan, object value, Expr? keyExpr)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
            KeyExpr = keyExpr;
        }

        public string Name { get; }

        public SourceSpan NameSpan { get; }

        public object Value { get; }

        public Expr? KeyExpr { get; }
    }
}

/// <summary>An array being assembled from a collection initializer and later <c>Add</c> calls.</summary>
internal sealed class ModelArray
{
    public ModelArray(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    public List<object> Items { get; } = new();

    /// <summary>A list's <c>Clear()</c>: under a condition each item stays only when the condition is false.</summary>
    public void Clear(Expr? condition)
    {
        if (condition is null)
        {
            Items.Clear();
            return;
        }

        for (int i = 0; i < Items.Count; i++)
        {
            Items[i] = new ModelConditional(ModelConditional.Not(condition), Items[i], null, Span);
        }
    }

    internal ArrayExpr ToExpr(HashSet<object> visiting)
    {
        var items = new List<Expr>(Items.Count);
        foreach (var item in Items)
        {
            items.Add(ModelObject.ToExpr(item, visiting));
        }

        return new ArrayExpr(Span, items);
    }
}
