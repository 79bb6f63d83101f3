using ClaudBot.Backtesting.Execution;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// The job a schedule submits, with its dates as a length counted back from the day it fires ("1 year", "last 6 months"),
/// so each run backtests the latest data. Execution is kept as the text the user gave and resolved by the planner at fire time.
/// </summary>
public sealed record ScheduledRequest(string Strategies, IReadOnlyList<string> Symbols, string Period)
{
    public double? CostBps { get; init; }

    public string? Costs { get; init; }

    public double? SlippageBps { get; init; }

    public string? Size { get; init; }

    public bool? WholeShares { get; init; }

    /// <summary>The period's length; "last 1 year" and "1 year" read the same.</summary>
    /// <exception cref="ScheduleFieldException">A period that does not read, naming <c>period</c>.</exception>
    public PeriodLength Length()
    {
        string text = Period.Trim();
        foreach (string lead in (string[])["last ", "past "])
        {
            if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                text = text[lead.Length..].Trim();
            }
        }

        return PeriodLength.TryParse(text, out var length, out string? error) ? length : throw new ScheduleFieldException("period", error);
    }

    /// <summary>The concrete job for a run on <paramref name="today"/> (the schedule's local date): the period up to that day.</summary>
    public JobRequest ToJobRequest(DateOnly today, string submittedBy)
    {
        var length = Length();
        var from = today.AddMonths(-length.Months).AddDays(-length.Days);
        return new JobRequest(Strategies, Symbols, from, today, submittedBy)
        {
            CostBps = CostBps,
            Execution = new ExecutionChoice(Costs, SlippageBps, Size, WholeShares),
        };
    }
}
