using System.Diagnostics;

namespace ClaudBot.Node.Commands;

/// <summary>
/// The bench's memory figures: the working sets of this process (the driver, with the embedded queue server) and of
/// the worker processes, sampled every 20 ms until disposed, keeping the peaks.
/// </summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public PeakMemory(IReadOnlyList<Process> workers) => _sampling = Task.Run(() => SampleAsync(workers), CancellationToken.None);

    /// <summary>The most the driver and the workers held together.</summary>
    public long Total { get; private set; }

    public long Driver { get; private set; }

    /// <summary>The most any one worker held.</summary>
    public long Worker { get; private set; }

    public void Reset() => (Total, Driver, Worker) = (0, 0, 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(IReadOnlyList<Process> workers)
    {
        using var self = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            self.Refresh();
            long total = self.WorkingSet64;
            Driver = Math.Max(Driver, total);
            foreach (var worker in workers)
            {
                worker.Refresh();
                Worker = Math.Max(Worker, worker.WorkingSet64);
                total += worker.WorkingSet64;
            }

            Total = Math.Max(Total, total);
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
