using System.Diagnostics;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Waits for a condition, looking again each time the fake records something (no polling).</summary>
internal static class Waiting
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static async Task<T> UntilAsync<T>(ChangeSignal signal, Func<T?> probe, Func<string> explain, TimeSpan? timeout, CancellationToken cancellationToken)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            var next = signal.NextChange;
            if (probe() is { } found)
                return found;
            var remaining = limit - Stopwatch.GetElapsedTime(started);
            try
            {
                if (remaining <= TimeSpan.Zero)
                    throw new TimeoutException();
                await next.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                if (probe() is { } late)
                    return late;
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.###} s for {explain()}");
            }
        }
    }
}
