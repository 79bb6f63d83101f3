using ClaudBot.Bot.Replies;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Update;
using ClaudBot.Targets;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// "update data": fetches the days the data lacks into this home's store, as <c>claudbot data update</c> does, then gives
/// them to the node (a server gets the files that differ; the local node reads the folder at once).
/// </summary>
public sealed class DataActions(MarketDataUpdater updater, IClusterTarget target, IOptions<MarketDataOptions> options) : IIntentAction
{
    /// <summary>Problems listed one by one before the rest are counted.</summary>
    private const int ProblemsShown = 5;

    public IReadOnlyList<string> Intents { get; } = ["update_data"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.Slot("source")?.Choice == "nse" ? UpdateSource.Nse : UpdateSource.Yahoo;
        var report = await updater.RunAsync(new UpdateRequest(context.Slot("symbols")?.Symbols ?? [], source), null, cancellationToken).ConfigureAwait(false);
        if (report.Stopped is { } stopped && !report.Symbols.Any(s => s.Added > 0))
        {
            return Reply.Error(stopped);
        }

        var parts = new List<ReplyPart> { new TextPart(UpdateSummary.Of(report), report.HasProblems || report.Stopped is not null ? ReplyTone.Warning : ReplyTone.Success) };
        var problems = report.Symbols.Where(s => s.Problem is not null).Select(s => s.Problem!).ToList();
        if (problems.Count > 0)
        {
            string more = problems.Count > ProblemsShown ? $" (and {problems.Count - ProblemsShown} more)" : string.Empty;
            parts.Add(new TextPart(string.Join("; ", problems.Take(ProblemsShown)) + more, ReplyTone.Warning));
        }

        if (report.Stopped is { } partly)
        {
            parts.Add(new TextPart(partly, ReplyTone.Warning));
        }

        if (report.Added > 0)
        {
            parts.Add(await PushAsync(cancellationToken).ConfigureAwait(false));
        }

        return new Reply(parts);
    }

    private async Task<ReplyPart> PushAsync(CancellationToken cancellationToken)
    {
        string folder = options.Value.ResolveUserDirectory()!;
        try
        {
            return new TextPart(await target.PushDataAsync(folder, cancellationToken).ConfigureAwait(false));
        }
        catch (ClusterTargetException failed)
        {
            return new TextPart($"The new bars are kept on this machine but did not reach the node: {failed.Message} Run 'claudbot data push' when it can be reached.", ReplyTone.Warning);
        }
    }
}
