using System.Globalization;
using ClaudBot.Bot.FollowUps;
using ClaudBot.Bot.Replies;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// What refers to this chat's last backtest: a follow-up ("now the same for INFY", "what about 2023", "and with period
/// 10") runs it again with only what was said changed, through the same action as a typed backtest, walk-forward or
/// portfolio; "show me the chart" shows that backtest's results and chart.
/// </summary>
public sealed class FollowUpActions(JobActions jobs, PortfolioActions portfolios, RecentRequests recentRequests, IntentCatalog catalog) : IIntentAction
{
    private const string Example = "e.g. backtest rsi on TCS last year.";

    public IReadOnlyList<string> Intents { get; } = ["follow_up", "show_chart"];

    public Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Match.Intent switch
        {
            "follow_up" => FollowUpAsync(context, cancellationToken),
            "show_chart" => ChartAsync(context, cancellationToken),
            _ => throw new InvalidOperationException($"FollowUpActions has no handler for intent '{context.Match.Intent}'."),
        };
    }

    private async Task<Reply> FollowUpAsync(ActionContext context, CancellationToken cancellationToken)
    {
        if (recentRequests.Last(context.Message.Chat, out bool expired) is not { } last)
        {
            string why = expired
                ? $"This chat's last backtest was more than {Hours(recentRequests.Window)} ago and is forgotten; say it in full — {Example}"
                : $"Nothing was run in this chat yet — {Example}";
            return Reply.Text("Same as what? " + why, ReplyTone.Warning) with { Succeeded = false };
        }

        var request = FollowUpRequest.Build(last, context.Match, catalog.Aliases);
        if (request.Submit is null)
        {
            return Reply.Error(request.Error!);
        }

        IIntentAction runs = request.Submit.Intent == "portfolio_backtest" ? portfolios : jobs;
        var reply = await runs.ExecuteAsync(context with { Match = request.Submit }, cancellationToken).ConfigureAwait(false);
        return reply with { Parts = [new TextPart(request.Echo), .. reply.Parts] };
    }

    // The job named, else this chat's last one, else (nothing run here, or forgotten) the cluster's newest, as 'results' does.
    private Task<Reply> ChartAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var last = recentRequests.Last(context.Message.Chat, out _);
        bool named = context.Slot("job")?.Job is { } id && id != JobReference.Last;
        if (!named && last is { JobId: null })
        {
            // A single portfolio made no job: its chart came with its answer.
            return Task.FromResult(Reply.Text("This chat's last request was a portfolio, answered with its chart; say 'same again' to see it again, or name a job.", ReplyTone.Warning));
        }

        string job = named ? context.Slot("job")!.Job! : last?.JobId ?? JobReference.Last;
        var results = new IntentMatch("job_results", context.Match.Confidence, context.Match.Source, new Dictionary<string, SlotValue>
        {
            ["job"] = new SlotValue("job", SlotType.Job, job) { Job = job },
        }, [], [], []);
        return jobs.ExecuteAsync(context with { Match = results }, cancellationToken);
    }

    private static string Hours(TimeSpan window) => window.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{window.TotalHours:0.#} hour{(window.TotalHours == 1 ? string.Empty : "s")}")
        : string.Create(CultureInfo.InvariantCulture, $"{window.TotalMinutes:0} minutes");
}
