using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using CmkLint.Tests.LanguageServer;
using Newtonsoft.Json.Linq;

namespace CmkLint.LspLatency;

/// <summary>
/// Measures, on a real <c>cmklint lsp</c> process, the time from sending a <c>didChange</c> to receiving the
/// <c>publishDiagnostics</c> it causes: for an edited quickstart template, and for an AVM module whose open caller
/// must be re-analysed. Prints the median and the 95th percentile of each.
/// </summary>
internal static class Program
{
    private const int Warmup = 5;

    private static int Main(string[] args)
    {
        int iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 40;
        int debounce = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        string corpus = FindCorpus();
        string dll = Path.Combine(AppContext.BaseDirectory, "cmklint.dll");
        Console.WriteLine($"cmklint lsp latency, didChange -> publishDiagnostics; {iterations} edits after {Warmup} warm-up edits; debounce {debounce} ms; {Environment.ProcessorCount} cores");

        string quickstart = Path.Combine(corpus, "quickstarts", "quickstarts", "microsoft.machinelearningservices", "machine-learning-workspace-cmk", "main.bicep");
        Report("quickstart template edited (" + Lines(quickstart) + " lines)", Measure(dll, corpus, debounce, iterations, edited: quickstart, awaited: quickstart, alsoOpen: Array.Empty<string>()));
        string large = Path.Combine(corpus, "quickstarts", "quickstarts", "microsoft.machinelearningservices", "machine-learning-workspace-vnet", "main.bicep");
        Report("larger quickstart template edited (" + Lines(large) + " lines)", Measure(dll, corpus, debounce, iterations, edited: large, awaited: large, alsoOpen: Array.Empty<string>()));

        // A whole CMK chain (identity, vault, key, policy, registry) with a finding, so every rule runs to the end.
        string sample = Path.Combine(RepositorySamples(), "bicep", "bad", "cmk010-registry-before-grant.bicep");
        Report("CMK sample with the whole chain edited (" + Lines(sample) + " lines, CMK010 reported)", Measure(dll, Path.GetDirectoryName(sample)!, debounce, iterations, edited: sample, awaited: sample, alsoOpen: Array.Empty<string>()));

        string registry = Path.Combine(corpus, "avm", "res", "container-registry", "registry");
        string module = Path.Combine(registry, "main.bicep");
        string caller = Path.Combine(registry, "tests", "e2e", "encr", "main.test.bicep");
        Report($"AVM registry module edited ({Lines(module)} lines, 7 child modules), its open e2e caller re-analysed", Measure(dll, corpus, debounce, iterations, edited: module, awaited: caller, alsoOpen: new[] { caller }));

        string child = Path.Combine(registry, "replication", "main.bicep");
        Report("AVM child module (replication) edited, the open registry module re-analysed", Measure(dll, corpus, debounce, iterations, edited: child, awaited: module, alsoOpen: new[] { module }));
        return 0;
    }

    private static List<double> Measure(string dll, string corpus, int debounce, int iterations, string edited, string awaited, string[] alsoOpen)
    {
        using var client = new LspClient(dll, corpus);
        client.Initialize(corpus, new JObject { ["debounceMilliseconds"] = debounce });
        foreach (var path in alsoOpen)
        {
            client.Open(path, File.ReadAllText(path));
            client.WaitForDiagnostics(path, version: 1);
        }

        string text = File.ReadAllText(edited);
        client.Open(edited, text);
        client.WaitForDiagnostics(edited, version: 1);
        foreach (var path in alsoOpen)
        {
            // Opening the edited file re-analyses the entries that read it.
            client.WaitForDiagnostics(path);
        }

        var times = new List<double>();
        for (int i = 0; i < Warmup + iterations; i++)
        {
            int version = i + 2;
            var clock = Stopwatch.StartNew();
            client.ChangeAll(edited, text + $"\n// edit {i}\n", version);
            if (string.Equals(awaited, edited, StringComparison.Ordinal))
            {
                client.WaitForDiagnostics(edited, version: version);
            }
            else
            {
                client.WaitForDiagnostics(edited, version: version);
                client.WaitForDiagnostics(awaited);
            }

            if (i >= Warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        client.Call("shutdown");
        client.Notify("exit");
        client.WaitForExit();
        return times;
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double median = times[times.Count / 2];
        double p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        Console.WriteLine($"{what}: median {median:F0} ms, p95 {p95:F0} ms, min {times[0]:F0} ms, max {times[times.Count - 1]:F0} ms");
    }

    private static int Lines(string path) => File.ReadAllLines(path).Length;

    private static string RepositorySamples()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CmkLint.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("CmkLint.sln not found above " + AppContext.BaseDirectory), "samples");
    }

    private static string FindCorpus()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "corpus");
            if (Directory.Exists(Path.Combine(candidate, "avm")))
            {
                return candidate;
            }

            folder = folder.Parent;
        }

        throw new DirectoryNotFoundException("shared/corpus not found above " + AppContext.BaseDirectory);
    }
}
