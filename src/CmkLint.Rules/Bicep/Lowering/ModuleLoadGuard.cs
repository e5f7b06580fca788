using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using CmkLint.Loading;
using CmkLint.Text;

namespace CmkLint.Bicep.Lowering;

/// <summary>
/// Keeps module and import references from recursing forever or deadlocking. The loader reads each
/// file once behind a lock; a file that (through its modules) refers back to a file being read
/// would wait for itself, on one thread or across threads. This guard keeps, per run, which thread
/// reads which Bicep file and which file each thread waits for, and refuses a load that would close
/// a cycle in that wait graph.
/// </summary>
internal static class ModuleLoadGuard
{
    private static readonly ConditionalWeakTable<TemplateLoader, RunState> Runs = new();

    public static IDisposable Enter(TemplateLoader loader, SourceFile file)
    {
        var state = Runs.GetValue(loader, _ => new RunState());
        string path = TemplateLoader.Normalize(file.Path);
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

    /// <summary>Loads a module or imported file, or returns null when loading it would wait for a file that waits for this one.</summary>
    public static FrontEndResult? TryLoad(TemplateLoader loader, string fullPath)
    {
        var state = Runs.GetValue(loader, _ => new RunState());
        int thread = Environment.CurrentManagedThreadId;
        lock (state)
        {
            if (WouldCycle(state, fullPath, thread))
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

    private static bool WouldCycle(RunState state, string target, int thread)
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

    private sealed class RunState
    {
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
