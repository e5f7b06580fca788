using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using CmkLint.Bicep.Syntax;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// Decides, for each module, import or <c>using</c> reference between local files, whether the file it
/// names is loaded. The decision is a property of the files alone, never of the order threads happen
/// to read them in, so that a file's lowering (and every diagnostic in it) is the same on every run:
/// a reference inside a cycle of references (its target refers back to it, through any chain) is
/// refused in every file of the cycle, and a reference whose target has more files nested below it
/// than the <c>deploymentDepth</c> budget allows is refused in every file that makes it. Both come from
/// the run's reference graph: each file's literal references, read from its syntax tree. Refusing
/// every edge of a cycle also means no file waits, through the loader's once-per-file lock, for a
/// file that waits for it; a guard on the threads' actual waits stays behind it as defence in depth.
/// </summary>
internal static class ModuleLoadGuard
{
    private static readonly ConditionalWeakTable<TemplateLoader, RunState> Runs = new();

    /// <summary>Why a reference was refused: it closes a cycle, or what it names nests too deep.</summary>
    public enum Refusal
    {
        None,
        Cycle,
        TooDeep,
    }

    /// <summary>Marks the tree's file as read by this thread (until disposed) and records its references.</summary>
    public static IDisposable Enter(TemplateLoader loader, BicepSyntaxTree tree)
    {
        var state = Runs.GetValue(loader, _ => new RunState());
        string path = TemplateLoader.Normalize(tree.File.Path);
        var references = References(tree);
        state.References.GetOrAdd(path, _ => new Lazy<string[]>(() => references));
        int thread = Environment.CurrentManagedThreadId;
        lock (state)
        {
            if (!state.ReadBy.TryGetValue(path, out var owners))
            {
                state.ReadBy[path] = owners = new List<int>();
            }

            owners.Add(thread);
        }

        return new Exit(() =>
        {
            lock (state)
            {
                if (state.ReadBy.TryGetValue(path, out var owners))
                {
                    owners.Remove(thread);
                    if (owners.Count == 0)
                    {
                        state.ReadBy.Remove(path);
                    }
                }
            }
        });
    }

    /// <summary>The tree the reference graph already parsed for this file (same text), so the front end does not parse it again; else null.</summary>
    public static BicepSyntaxTree? TakeParsed(TemplateLoader loader, SourceFile file)
    {
        if (!Runs.TryGetValue(loader, out var state) || !state.Parsed.TryRemove(TemplateLoader.Normalize(file.Path), out var tree))
        {
            return null;
        }

        return string.Equals(tree.File.Text, file.Text, StringComparison.Ordinal) && string.Equals(tree.File.Path, file.Path, StringComparison.Ordinal) ? tree : null;
    }

    /// <summary>Loads the file <paramref name="from"/> refers to, or returns null with the reason it is refused.</summary>
    public static FrontEndResult? TryLoad(TemplateLoader loader, SourceFile from, string fullPath, out Refusal refusal)
    {
        var state = Runs.GetValue(loader, _ => new RunState());
        string fromPath = TemplateLoader.Normalize(from.Path);
        Discover(state, loader, fromPath);
        Discover(state, loader, fullPath);
        int thread = Environment.CurrentManagedThreadId;
        lock (state)
        {
            Place(state, fromPath);
            Place(state, fullPath);
            var source = state.Placed[fromPath];
            var target = state.Placed[fullPath];
            refusal = string.Equals(source.Component, target.Component, StringComparison.Ordinal) ? Refusal.Cycle
                : target.Height + 1 > loader.DeploymentDepth ? Refusal.TooDeep
                : WouldWaitForItself(state, fullPath, thread) ? Refusal.Cycle
                : Refusal.None;
            if (refusal != Refusal.None)
            {
                return null;
            }

            state.Waiting[thread] = fullPath;
        }

        try
        {
            return loader.Load(fullPath);
        }
        finally
        {
            lock (state)
            {
                state.Waiting.Remove(thread);
            }
        }
    }

    /// <summary>The full paths of the local files a Bicep file names in its modules, imports and <c>using</c>, in the order written.</summary>
    private static string[] References(BicepSyntaxTree tree)
    {
        var root = tree.Root;
        var paths = new List<string>();
        void Add(string? path, bool backslashIsSeparator)
        {
            if (path is not null && !Modules.ModuleReference.IsRegistryReference(path) && ModulePaths.Resolve(tree.File, path, backslashIsSeparator) is string full)
            {
                paths.Add(full);
            }
        }

        foreach (var module in root.Modules)
        {
            Add(module.PathText, true);
        }

        foreach (var import in root.Imports)
        {
            Add(import.PathText, true);
        }

        if (root.Using is { IsNone: false } declaration)
        {
            Add(declaration.PathText, false);
        }

        return paths.ToArray();
    }

    /// <summary>Reads the references of every file reachable from <paramref name="start"/> (each file parsed once per run, outside the lock).</summary>
    private static void Discover(RunState state, TemplateLoader loader, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            string file = pending.Pop();
            foreach (var next in ReferencesOf(state, loader, file))
            {
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }
    }

    private static string[] ReferencesOf(RunState state, TemplateLoader loader, string path) =>
        state.References.GetOrAdd(path, p => new Lazy<string[]>(() => Read(state, loader, p))).Value;

    /// <summary>Parses a Bicep file the graph reaches before the loader does; the tree is kept for the front end. Anything unreadable refers to nothing.</summary>
    private static string[] Read(RunState state, TemplateLoader loader, string path)
    {
        if (!path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
        {
            return Array.Empty<string>();
        }

        if (!loader.FileSystem.FileExists(path) || loader.FileSystem.ReadAllBytes(path, out _) is not { } bytes || bytes.Length > loader.MaxFileBytes)
        {
            return Array.Empty<string>();
        }

        var text = SourceDecoder.Decode(bytes, out _, out _);
        if (text is null)
        {
            return Array.Empty<string>();
        }

        var tree = BicepParser.Parse(new SourceFile(TemplateLoader.DisplayPath(path), text));
        state.Parsed[path] = tree;
        return References(tree);
    }

    /// <summary>
    /// Gives every file reachable from <paramref name="start"/> its component (the files that refer to
    /// one another, named by the first of their paths) and its height (the most files nested below it,
    /// through references outside its component). Tarjan's algorithm, iterative so that a long chain
    /// of files cannot exhaust the stack; files placed by an earlier call keep their place.
    /// </summary>
    private static void Place(RunState state, string start)
    {
        if (state.Placed.ContainsKey(start))
        {
            return;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = new Stack<string>();
        var onOpen = new HashSet<string>(StringComparer.Ordinal);
        var walk = new Stack<(string File, int Next)>();

        void Visit(string file)
        {
            index[file] = lowLink[file] = index.Count;
            open.Push(file);
            onOpen.Add(file);
            walk.Push((file, 0));
        }

        Visit(start);
        while (walk.Count > 0)
        {
            var (file, next) = walk.Pop();
            var references = state.References.TryGetValue(file, out var lazy) ? lazy.Value : Array.Empty<string>();
            if (next < references.Length)
            {
                walk.Push((file, next + 1));
                string target = references[next];
                if (state.Placed.ContainsKey(target))
                {
                    continue;
                }

                if (!index.ContainsKey(target))
                {
                    Visit(target);
                }
                else if (onOpen.Contains(target))
                {
                    lowLink[file] = Math.Min(lowLink[file], index[target]);
                }

                continue;
            }

            if (walk.Count > 0)
            {
                string parent = walk.Peek().File;
                lowLink[parent] = Math.Min(lowLink[parent], lowLink[file]);
            }

            if (lowLink[file] == index[file])
            {
                PlaceComponent(state, file, open, onOpen);
            }
        }
    }

    private static void PlaceComponent(RunState state, string root, Stack<string> open, HashSet<string> onOpen)
    {
        var members = new List<string>();
        string member;
        do
        {
            member = open.Pop();
            onOpen.Remove(member);
            members.Add(member);
        }
        while (!string.Equals(member, root, StringComparison.Ordinal));

        string component = members[0];
        foreach (var m in members)
        {
            component = string.CompareOrdinal(m, component) < 0 ? m : component;
        }

        var inComponent = new HashSet<string>(members, StringComparer.Ordinal);
        var heights = new List<int>(members.Count);
        foreach (var m in members)
        {
            int height = 0;
            foreach (var target in state.References.TryGetValue(m, out var lazy) ? lazy.Value : Array.Empty<string>())
            {
                if (!inComponent.Contains(target) && state.Placed.TryGetValue(target, out var placed))
                {
                    height = Math.Max(height, placed.Height + 1);
                }
            }

            heights.Add(height);
        }

        for (int i = 0; i < members.Count; i++)
        {
            state.Placed[members[i]] = new Placement(component, heights[i]);
        }
    }

    /// <summary>Whether loading the target would wait for a thread that waits for this one (the order-dependent last resort).</summary>
    private static bool WouldWaitForItself(RunState state, string target, int thread)
    {
        // Follow: target is read by thread T; T waits for file F; F is read by thread T2; ... back to us?
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(target);
        while (pending.Count > 0)
        {
            string file = pending.Pop();
            if (!seenFiles.Add(file) || !state.ReadBy.TryGetValue(file, out var readers))
            {
                continue;
            }

            foreach (int reader in readers)
            {
                if (reader == thread)
                {
                    return true;
                }

                if (state.Waiting.TryGetValue(reader, out var next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    private readonly struct Placement
    {
        public Placement(string component, int height)
        {
            Component = component;
            Height = height;
        }

        public string Component { get; }

        public int Height { get; }
    }

    private sealed class RunState
    {
        /// <summary>Each file's references, read once (a factory only parses, it never loads, so it cannot wait for another).</summary>
        public ConcurrentDictionary<string, Lazy<string[]>> References { get; } = new(StringComparer.Ordinal);

        /// <summary>Trees parsed for the graph and not yet taken by the front end.</summary>
        public ConcurrentDictionary<string, BicepSyntaxTree> Parsed { get; } = new(StringComparer.Ordinal);

        /// <summary>Component and height of each file placed so far (under the lock).</summary>
        public Dictionary<string, Placement> Placed { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<int>> ReadBy { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, string> Waiting { get; } = new();
    }

    private sealed class Exit : IDisposable
    {
        private Action? action;

        public Exit(Action action) => this.action = action;

        public void Dispose()
        {
            Interlocked.Exchange(ref action, null)?.Invoke();
        }
    }
}
