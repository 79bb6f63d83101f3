using System.Collections.Concurrent;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// Lets the first of a run of identical Garnet warnings through and holds back the rest for a window, then says how
/// many were held back. With its disk full, Garnet logged a <c>CommitFailureException</c> for every request in a loop:
/// megabytes of the same stack in the node's log, on the very disk that was full.
/// </summary>
internal sealed class RepeatedLogFilter(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether to log this occurrence of <paramref name="key"/>, and how many were held back since the last one
    /// logged (0 for a first).
    /// </summary>
    public (bool Log, int HeldBack) Admit(string key)
    {
        var now = time.GetUtcNow();
        var decision = (Log: false, HeldBack: 0);
        _runs.AddOrUpdate(
            key,
            _ =>
            {
                decision = (true, 0);
                return new Run(now, 0);
            },
            (_, run) =>
            {
                if (now - run.LoggedAt < window)
                {
                    decision = (false, 0);
                    return run with { HeldBack = run.HeldBack + 1 };
                }

                decision = (true, run.HeldBack);
                return new Run(now, 0);
            });
        return decision;
    }

    private readonly record struct Run(DateTimeOffset LoggedAt, int HeldBack);
}
