using ClaudBot.Bot.FollowUps;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Schedules;
using ClaudBot.Cluster.Notifications;
using ClaudBot.Cluster.Schedules;
using ClaudBot.Intents.Catalog;
using ClaudBot.Jobs;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// "every weekday at 18:00 run rsi on nifty50 for the last year and send me the top 5", "list schedules", "cancel schedule
/// ID": through the node's <c>/api/schedules</c>, which keeps them in the queue server for the driver to fire. The bot
/// checks the days, time and zone first (the one reading, <see cref="ScheduleRecurrence"/>) so a bad one is a line here.
/// </summary>
public sealed class ScheduleActions(NodeApiClient nodeApi, IntentCatalog catalog) : IIntentAction
{
    /// <summary>What to say when the node's API does not answer: schedules are the node's, not this process's.</summary>
    private const string NodeAway = "Schedules are kept and fired by the node, and its API does not answer. Type 'start cluster' first.";

    public IReadOnlyList<string> Intents { get; } = ["add_schedule", "list_schedules", "cancel_schedule"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return context.Match.Intent switch
            {
                "add_schedule" => await AddAsync(context, cancellationToken).ConfigureAwait(false),
                "list_schedules" => List(await nodeApi.SchedulesAsync(cancellationToken).ConfigureAwait(false)),
                "cancel_schedule" => await CancelAsync(context, cancellationToken).ConfigureAwait(false),
                var other => throw new InvalidOperationException($"ScheduleActions has no handler for intent '{other}'."),
            };
        }
        catch (NodeApiUnavailableException)
        {
            return Reply.Error(NodeAway);
        }
    }

    private async Task<Reply> AddAsync(ActionContext context, CancellationToken cancellationToken)
    {
        string every = ScheduleWords.Every(context.Slot("days")!.Text);
        string at = context.Slot("at")!.Text.Trim();
        string? zone = context.Slot("zone")?.Text.Trim();
        try
        {
            ScheduleRecurrence.Parse(every, at, zone);
        }
        catch (ScheduleFieldException bad)
        {
            return Reply.Error(bad.Message);
        }

        if (!ScheduleWords.TryPeriod(context.Slot("period")!.Text, out string? period, out string? periodError))
        {
            return Reply.Error(periodError);
        }

        var said = context.Slot("execution")?.Execution;
        if (said?.Exits.Any == true)
        {
            return Reply.Error("A schedule does not take exits (stop, target, trail) yet: schedule the plain backtest, or run this one now.");
        }

        int? top = context.Slot("top")?.Number;
        bool asked = top is not null || ScheduleWords.AsksToBeTold(context.Message.Text);
        // A follower nobody can deliver to would wait in the queue server for ever: the terminal is told so instead.
        bool told = asked && context.Message.Chat.CanBeToldLater;
        IReadOnlyList<JobFollower> notify = told
            ? [new JobFollower(context.Message.Chat.Channel, context.Message.Chat.Id, top)]
            : [];
        var body = new ScheduleBody(
            context.Slot("strategies")!.StrategyText!, context.Slot("symbols")!.Symbols!, period, every, at, zone, context.Requester,
            said?.Costs, said?.SlippageBps, said?.Size, said?.WholeShares, notify);
        var schedule = await nodeApi.AddScheduleAsync(body, cancellationToken).ConfigureAwait(false);

        var parts = new List<ReplyPart>
        {
            new TextPart($"Schedule {schedule.Id} added: {schedule.Strategies} on {SymbolText.Describe(schedule.Symbols, catalog.Aliases)} over the {schedule.Period}, {ScheduleText.When(schedule)}.", ReplyTone.Success),
            new TextPart("Next run: " + ScheduleText.Next(schedule) + "."),
            new TextPart((told, top) switch
            {
                (true, { } rows) => $"This chat gets the top {rows} of each run.",
                (true, null) => "This chat gets each run's summary.",
                _ when asked => "The terminal cannot be messaged when it runs: say it to the bot on Telegram to be told of each run; 'list schedules' shows its last job.",
                _ => "No message when it runs: 'list schedules' shows its last job.",
            }, asked && !told ? ReplyTone.Warning : ReplyTone.Info),
        };
        // The matcher anchors a relative period on the data's last day and says so ("The data ends on ..., so 'last year'
        // runs ..."); a schedule counts back from each run's own day, so that note would mislead here. Others (typos) stay.
        parts.AddRange(context.Match.Notes.Where(n => !n.StartsWith("The data ends on ", StringComparison.Ordinal)).Select(n => new TextPart(n, ReplyTone.Warning)));
        return new Reply(parts);
    }

    private Reply List(IReadOnlyList<NodeSchedule> schedules)
    {
        if (schedules.Count == 0)
        {
            return Reply.Text("No schedules. Try 'every weekday at 18:00 run rsi on nifty50 for the last year and send me the top 5'.");
        }

        var rows = schedules.Select(s => (IReadOnlyList<string>)
        [
            s.Id,
            ScheduleText.When(s),
            $"{s.Strategies} on {SymbolText.Describe(s.Symbols, catalog.Aliases)} over the {s.Period}",
            ScheduleText.Next(s),
            ScheduleText.Last(s),
            ScheduleText.Told(s) ?? "nobody",
        ]).ToList();
        return new Reply([new TablePart("Schedules (oldest first)", ["Id", "When", "Runs", "Next run", "Last run", "Tells"], rows)]);
    }

    private async Task<Reply> CancelAsync(ActionContext context, CancellationToken cancellationToken)
    {
        string id = context.Slot("schedule")!.Job!;
        if (!JobId.IsValid(id))
        {
            return Reply.Error("Name the schedule by its id (6 letters or digits); 'list schedules' shows them.");
        }

        await nodeApi.CancelScheduleAsync(id, cancellationToken).ConfigureAwait(false);
        return Reply.Text($"Schedule {id} cancelled: it fires no more (jobs it already queued go on).", ReplyTone.Success);
    }
}
