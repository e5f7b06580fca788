using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Sums the GC's allocation ticks (about one per 100 KB allocated) of a trace by type and by the innermost CmkLint
// frames that allocated, so that the next allocation to remove is the largest one, not a guess. Record with:
//   dotnet dotnet-trace collect --providers "Microsoft-Windows-DotNETRuntime:0x19:5" -o run.nettrace -- \
//     src/CmkLint/bin/Release/net10.0/cmklint --no-color ../shared/corpus/avm
//   dotnet run --project bench/AllocationProfile -c Release -- run.nettrace [FRAMES] [ROWS]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AllocationProfile TRACE.nettrace [FRAMES (1)] [ROWS (40)]");
    return 2;
}

int depth = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
int rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byFrames = new Dictionary<string, long>(StringComparer.Ordinal);
var byTypeAndFrames = new Dictionary<string, long>(StringComparer.Ordinal);
long total = 0;
foreach (var data in log.Events)
{
    if (data is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    long amount = tick.AllocationAmount64;
    total += amount;
    var frames = new List<string>();
    for (var frame = data.CallStack(); frame is not null && frames.Count < depth; frame = frame.Caller)
    {
        string method = frame.CodeAddress.FullMethodName;
        if (method.StartsWith("CmkLint", StringComparison.Ordinal))
        {
            frames.Add(method.Length > 110 ? method.Substring(0, 110) : method);
        }
    }

    string where = frames.Count == 0 ? "(no CmkLint frame)" : string.Join(" <- ", frames);
    byFrames[where] = byFrames.GetValueOrDefault(where) + amount;
    string typed = tick.TypeName + " @ " + where;
    byTypeAndFrames[typed] = byTypeAndFrames.GetValueOrDefault(typed) + amount;
}

Console.WriteLine($"{total / 1048576} MB allocated (sampled)");
Console.WriteLine("-- by frame");
foreach (var (key, bytes) in byFrames.OrderByDescending(p => p.Value).Take(rows))
{
    Console.WriteLine($"{bytes / 1048576.0,8:F1} MB  {key}");
}

Console.WriteLine("-- by type and frame");
foreach (var (key, bytes) in byTypeAndFrames.OrderByDescending(p => p.Value).Take(rows))
{
    Console.WriteLine($"{bytes / 1048576.0,8:F1} MB  {key}");
}

return 0;
