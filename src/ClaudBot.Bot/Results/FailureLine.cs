using System.Globalization;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Results;

/// <summary>
/// The chat's one line about a job's failed backtests: each distinct reason once, with how many of the listed failures
/// gave it, so a symbol whose 600 tasks a worker refused for different data reads as one reason, not 600 repeats.
/// </summary>
public static class FailureLine
{
    /// <summary>How many distinct reasons the line shows.</summary>
    public const int ReasonsShown = 5;

    public static string Of(ResultsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var reasons = summary.Failures.GroupBy(f => f.Error, StringComparer.Ordinal).Take(ReasonsShown)
            .Select(g => g.Count() == 1
                ? $"{g.First().Strategy} on {g.First().Symbol}: {g.Key}"
                : string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count()} times)"));
        string head = summary.FailuresTotal > summary.Failures.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{summary.FailuresTotal} backtest(s) failed; the first {summary.Failures.Count}: ")
            : string.Create(CultureInfo.InvariantCulture, $"{summary.FailuresTotal} backtest(s) failed: ");
        return head + string.Join("; ", reasons);
    }
}
