using ClaudBot.Cluster.Queue;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// Keeps one chunk's lease alive while its worker runs it and stores its result: renews every third of the lease,
/// so two renewals may fail before it lapses. A queue error never ends the loop: it tries again after
/// <see cref="Backoff.Queue"/> (sooner than a period), and a lease that lapsed during an outage is taken again
/// if the chunk is still this worker's.
/// </summary>
internal sealed partial class LeaseKeeper(Func<CancellationToken, Task<LeaseRenewal>> renew, string chunkId, TimeSpan lease, TimeProvider time, ILogger logger)
{
    private int _renewals;
    private int _errors;

    /// <summary>Successful renewals (held or taken again) so far.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>Renewals that failed on a queue error so far.</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>How long between renewals while the queue answers.</summary>
    public TimeSpan Period => lease / 3;

    /// <summary>Renews until <paramref name="cancellationToken"/> is cancelled; never throws.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        int failures = 0;
        var wait = Period;
        while (true)
        {
            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return; // the chunk is stored or handed back: nothing more to renew
            }

            try
            {
                var outcome = await renew(cancellationToken);
                Interlocked.Increment(ref _renewals);
                failures = 0;
                wait = Period;
                if (outcome == LeaseRenewal.Lost)
                {
                    LogLeaseLost(chunkId);
                }
                else if (outcome == LeaseRenewal.Retaken)
                {
                    LogLeaseRetaken(chunkId);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Any failure of the queue (timeouts, a dropped or disposed connection) is worth another try.
                Interlocked.Increment(ref _errors);
                wait = Backoff.Queue.Delay(++failures);
                LogRenewFailed(chunkId, error.Message, wait.TotalSeconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of chunk {ChunkId}; finishing it anyway (its result is stored once)")]
    private partial void LogLeaseLost(string chunkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The lease of chunk {ChunkId} had lapsed while the queue was away; took it again")]
    private partial void LogLeaseRetaken(string chunkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of chunk {ChunkId}: {Reason}; trying again in {Seconds:0.0} s")]
    private partial void LogRenewFailed(string chunkId, string reason, double seconds);
}
