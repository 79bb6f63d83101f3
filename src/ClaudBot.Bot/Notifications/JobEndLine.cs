using System.Globalization;
using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Notifications;

/// <summary>
/// The one line a subscribed chat gets when a job ends: id, what it ran, its state, and its best result by the one
/// ranking (<c>Job 12 rsi on TCS, INFY: completed. Best: rsi(14) on TCS, Sharpe 1.23, return 18.2%.</c>).
/// </summary>
public static class JobEndLine
{
    private const int SymbolsShown = 3;

    /// <param name="best">The job's best result; null when it has none (or it could not be read).</param>
    public static string Of(JobStatus job, ResultRow? best)
    {
        ArgumentNullException.ThrowIfNull(job);
        string failed = job.TasksFailed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {job.TasksFailed:N0} of {job.TasksTotal:N0} backtests failed") : string.Empty;
        string result = best is null
            ? string.Empty
            : $" Best: {best.StrategyText} on {best.Symbol}, Sharpe {ResultTables.Ratio(best.Sharpe)}, return {ResultTables.Percent(best.TotalReturn)}.";
        return $"Job {job.Id} {What(job.Spec)}: {job.State.ToName().Replace('_', ' ')}{failed}.{result}";
    }

    // Strategies and the first few symbols: a nifty50 job must still be one line.
    private static string What(JobSpec spec)
    {
        string symbols = string.Join(", ", spec.Symbols.Take(SymbolsShown));
        if (spec.Symbols.Count > SymbolsShown)
        {
            symbols += string.Create(CultureInfo.InvariantCulture, $" and {spec.Symbols.Count - SymbolsShown} more");
        }

        return $"{spec.Strategies} on {symbols}";
    }
}
