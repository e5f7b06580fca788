using System;
using System.IO;
using SharpFuzz;

namespace CmkLint.Fuzz;

/// <summary>Entry point for AFL++: <c>CmkLint.Fuzz &lt;target&gt;</c> reads inputs through SharpFuzz's fork server.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1 || !((System.Collections.Generic.IList<string>)FuzzTargets.Names).Contains(args[0]))
        {
            Console.Error.WriteLine($"usage: CmkLint.Fuzz <{string.Join("|", FuzzTargets.Names)}>");
            return 2;
        }

        string target = args[0];

        // In-process persistent mode: an exception or a stack overflow ends the process, which AFL records as a crash.
        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    }
}
