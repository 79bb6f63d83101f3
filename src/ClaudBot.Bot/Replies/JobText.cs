using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Bot.Replies;

/// <summary>Short descriptions of jobs and requests for replies.</summary>
public static class JobText
{
    public static string Progress(JobStatus job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{job.Id}  {job.State.ToName()}  {job.Progress * 100:0}%  {job.TasksDone + job.TasksFailed:N0}/{job.TasksTotal:N0} backtests{(job.TasksFailed > 0 ? $", {job.TasksFailed} failed" : string.Empty)}");
    }

    public static string Request(JobSpec spec) => Request(spec, null);

    /// <summary>
    /// The request with the dates that ran when they differ from those asked:
    /// <c>rsi on TCS, 2021-01-27 to 2024-12-31 (asked 2020-01-01 to 2024-12-31), cost 10 bps</c>.
    /// </summary>
    /// <param name="ran">The first and last bar used (<see cref="Results.RunDates"/>); null when unknown.</param>
    public static string Request(JobSpec spec, DateSpan? ran)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var asked = new DateSpan(spec.From, spec.To);
        string dates = ran is { } run && run != asked
            ? $"{PeriodParser.Describe(run)} (asked {PeriodParser.Describe(asked)})"
            : PeriodParser.Describe(asked);
        string walkForward = spec.WalkForward is { } settings
            ? string.Create(CultureInfo.InvariantCulture, $", walk-forward {settings.Describe()} ({spec.Windows?.Count ?? 0} windows)")
            : string.Empty;
        string portfolio = spec.Portfolio is { } held ? $", each setting as one portfolio with {held.Describe()}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{spec.Strategies} on {string.Join(",", spec.Symbols)}, {dates}, {Execution(spec)}{walkForward}{portfolio}");
    }

    /// <summary>
    /// <c>cost 10 bps</c> for today's model (and jobs queued before cost models), else the model by name:
    /// <c>costs zerodha-delivery</c>; slippage and sizing only when they are not the defaults, whole shares when on.
    /// </summary>
    public static string Execution(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string costs = spec.Costs is { } name && !name.StartsWith(Backtesting.Costs.CostModels.BpsPrefix, StringComparison.Ordinal)
            ? $"costs {name}"
            : string.Create(CultureInfo.InvariantCulture, $"cost {spec.CostBps:0.##} bps");
        var parts = new List<string> { costs };
        if (spec.SlippageBps is > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"slippage {spec.SlippageBps:0.##} bps"));
        }

        if (spec.Size is { } size && size != "all")
        {
            parts.Add($"size {size}");
        }

        if (spec.WholeShares == true)
        {
            parts.Add("whole shares");
        }

        return string.Join(", ", parts);
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s");

    public static string DurationSeconds(double seconds) => Duration(TimeSpan.FromSeconds(seconds));
}
