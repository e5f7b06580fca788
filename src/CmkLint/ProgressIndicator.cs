using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace CmkLint.Cli;

/// <summary>
/// A spinner on stderr for runs that take longer than a second, on a terminal only (never in CI logs
/// or redirected output). The engine analyses all files in one call, so it shows the file count and time.
/// </summary>
internal sealed class ProgressIndicator : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly char[] Frames = { '|', '/', '-', '\\' };

    private readonly TextWriter error;
    private readonly int files;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer? timer;
    private readonly object gate = new();
    private int frame;
    private bool shown;
    private bool disposed;

    public ProgressIndicator(TextWriter error, bool enabled, int files)
    {
        this.error = error;
        this.files = files;
        if (enabled)
        {
            timer = new Timer(Tick, null, Delay, TimeSpan.FromMilliseconds(120));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
            if (shown)
            {
                // Erase the spinner line so the report starts on a clean line.
                error.Write("\r\u001b[K");
                error.Flush();
            }
        }
    }

    private void Tick(object? state)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            shown = true;
            char f = Frames[frame++ % Frames.Length];
            error.Write($"\r{f} analysing {files} file{(files == 1 ? string.Empty : "s")}... {clock.Elapsed.TotalSeconds:0.0} s");
            error.Flush();
        }
    }
}
