using System.Globalization;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// "why did it lose in 2022": the drawdowns of a job's best result (the first row of its ranked table), deepest first,
/// and the trades that were open in each, over the period asked (default: the whole run), beside buy and hold.
/// The curve and trades are the node's run of that result again from the job's spec (the equity API).
/// </summary>
public sealed class LossActions(IClusterTarget target, NodeApiClient nodeApi) : IIntentAction
{
    /// <summary>Drawdowns shown, deepest first.</summary>
    public const int DrawdownsShown = 3;

    public IReadOnlyList<string> Intents { get; } = ["explain_losses"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        var job = await JobLookup.FindAsync(client, context.Slot("job")?.Job, cancellationToken).ConfigureAwait(false);
        if (!job.State.IsTerminal())
        {
            return Reply.Text($"Job {job.Id} is still {job.State.ToName()}; ask why it lost once it has finished.", ReplyTone.Warning);
        }

        var summary = await nodeApi.SummaryAsync(job.Id, 1, cancellationToken).ConfigureAwait(false);
        if (summary.Top.Count == 0)
        {
            return Reply.Text($"Job {job.Id} has no successful result to look into.", ReplyTone.Warning);
        }

        var best = summary.Top[0];
        NodeEquity curve;
        string what;
        if (job.Spec.Portfolio is null)
        {
            curve = await nodeApi.EquityAsync(job.Id, best.StrategyText, best.Symbol, cancellationToken).ConfigureAwait(false);
            what = $"{best.StrategyText} on {best.Symbol}";
        }
        else
        {
            // A portfolio job's best row is a whole account: its curve and trades come from the node's rerun of that setting.
            var view = await nodeApi.PortfolioJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
            curve = NodeEquity.Of(view);
            what = $"{view.Strategy} with at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(view.MaxPositions)} on {view.Symbols} symbols";
        }

        var window = LossWindow.Of(curve, context.Slot("period")?.Period is { } period ? (period.From, period.To) : null);
        if (window is null)
        {
            return Reply.Text($"Job {job.Id} ran {curve.Dates[0]} to {curve.Dates[^1]}; it has no days in the period asked.", ReplyTone.Warning);
        }

        return Explain(job, what, window);
    }

    /// <param name="what">The result looked into: "rsi(...) on TCS", or a portfolio's setting.</param>
    private static Reply Explain(JobStatus job, string what, LossWindow window)
    {
        var fallen = window.Drawdowns.OrderBy(d => d.Depth).Take(DrawdownsShown).ToList();
        var parts = new List<ReplyPart>
        {
            new TextPart(string.Create(CultureInfo.InvariantCulture,
                $"Job {job.Id}, its best result {what}, {window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}: return {window.Return:0.0%}, buy and hold {window.BuyHoldReturn:0.0%}; {window.Drawdowns.Count} drawdown{(window.Drawdowns.Count == 1 ? string.Empty : "s")} touched the period.")),
        };
        if (fallen.Count == 0)
        {
            parts.Add(new TextPart("Its equity never fell below a previous high in that period.", ReplyTone.Success));
            return new Reply(parts);
        }

        var trades = fallen.Select((d, i) => (Number: i + 1, Trades: window.TradesDuring(d))).ToList();
        parts.Add(new TablePart(
            $"Deepest {fallen.Count} drawdown{(fallen.Count == 1 ? string.Empty : "s")}",
            ["#", "From high on", "Lowest on", "Depth", "Recovered", "Trades"],
            [.. fallen.Select((d, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                d.Peak.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.Trough.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.Depth.ToString("0.0%", CultureInfo.InvariantCulture),
                d.Recovered?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not yet",
                trades[i].Trades.Count.ToString(CultureInfo.InvariantCulture),
            ])]) { NumericColumns = new HashSet<int> { 0, 3, 5 } });
        // A portfolio's trades are of many symbols: each row says whose.
        bool symbols = trades.Any(t => t.Trades.Any(trade => trade.Symbol is not null));
        var rows = trades.SelectMany(t => t.Trades.Select(trade => (IReadOnlyList<string>)
        [
            t.Number.ToString(CultureInfo.InvariantCulture),
            .. symbols ? [trade.Symbol ?? string.Empty] : Array.Empty<string>(),
            trade.EntryDate,
            trade.Open ? "open" : trade.ExitDate,
            trade.Return.ToString("0.0%", CultureInfo.InvariantCulture),
        ])).ToList();
        string[] columns = symbols ? ["#", "Symbol", "Entry", "Exit", "Return"] : ["#", "Entry", "Exit", "Return"];
        parts.Add(rows.Count == 0
            ? new TextPart("No trade was open in them: the strategy was flat, so these falls are of cash held (costs only).")
            : new TablePart("Trades open during them", columns, rows) { NumericColumns = new HashSet<int> { 0, columns.Length - 1 } });
        return new Reply(parts);
    }
}
