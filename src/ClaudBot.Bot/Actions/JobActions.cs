using System.Collections.Frozen;
using System.Globalization;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Bot.FollowUps;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Bot.Rules;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.Strategies;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>Submit a job, follow it, list jobs, read results, cancel, clean up.</summary>
public sealed class JobActions(IClusterTarget target, ClusterJobSubmitter submitter, JobSummaryBuilder summaries, RecentRules recentRules, RecentRequests recentRequests, TimeProvider time) : IIntentAction
{
    /// <summary>Above this a results file is not sent as a chat document (Telegram's bots may send up to 50 MB).</summary>
    public const long MaxDocumentBytes = 45 * 1024 * 1024;

    // Static, so every entry is written out here: an intent is claimed only together with its handler.
    private static readonly FrozenDictionary<string, Func<JobActions, ActionContext, CancellationToken, Task<Reply>>> Handlers =
        new Dictionary<string, Func<JobActions, ActionContext, CancellationToken, Task<Reply>>>
        {
            ["submit_cluster_job"] = (self, context, ct) => self.SubmitStartingAsync(context, ct),
            ["best_strategy"] = (self, context, ct) => self.SubmitOnClusterAsync(context, StrategyCatalog.EveryDefaultGrid, ct),
            ["walk_forward"] = (self, context, ct) => self.SubmitOnClusterAsync(context, context.Slot("strategies")!.StrategyText!, ct, WalkForwardSlots.Read(context)),
            ["job_status"] = async (self, context, ct) => self.Status(await self.FindAsync(context, ct).ConfigureAwait(false)),
            ["list_jobs"] = (self, _, ct) => self.ListAsync(ct),
            ["job_results"] = async (self, context, ct) => await self.ResultsAsync(await self.FindAsync(context, ct).ConfigureAwait(false), context.Slot("metric")?.Choice, ct).ConfigureAwait(false),
            ["job_json"] = async (self, context, ct) => await self.JsonAsync(await self.FindAsync(context, ct).ConfigureAwait(false), ct).ConfigureAwait(false),
            ["cancel_job"] = (self, context, ct) => self.CancelAsync(context, ct),
            ["cleanup_results"] = (self, context, ct) => self.CleanupAsync(context, ct),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>Read from the handler table, so an intent can only be claimed together with its handler.</remarks>
    public IReadOnlyList<string> Intents => Handlers.Keys;

    public Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // No fall-through: an intent without its own handler is a programming error, never a cleanup (which deletes results).
        return Handlers.TryGetValue(context.Match.Intent ?? string.Empty, out var handler)
            ? handler(this, context, cancellationToken)
            : throw new InvalidOperationException($"JobActions has no handler for intent '{context.Match.Intent}'.");
    }

    private async Task<JobStatus> FindAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        return await JobLookup.FindAsync(client, context.Slot("job")?.Job, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> ListAsync(CancellationToken cancellationToken)
    {
        var client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        return List(await client.ListAsync(0, 10, cancellationToken).ConfigureAwait(false));
    }

    private async Task<Reply> CancelAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        var found = await JobLookup.FindAsync(client, context.Slot("job")?.Job, cancellationToken).ConfigureAwait(false);
        var state = await client.CancelAsync(found.Id, cancellationToken).ConfigureAwait(false);
        return state == JobState.Cancelled && !found.State.IsTerminal()
            ? Reply.Text($"Job {found.Id} cancelled; its finished backtests are kept in the results.", ReplyTone.Success)
            : Reply.Text($"Job {found.Id} had already finished ({(state ?? found.State).ToName()}); nothing to cancel.", ReplyTone.Warning);
    }

    private async Task<Reply> CleanupAsync(ActionContext context, CancellationToken cancellationToken)
    {
        int keep = context.Slot("keep")?.Number ?? 20;
        var removed = await target.CleanupAsync(keep, cancellationToken).ConfigureAwait(false);
        return Reply.Text(
            removed.Count == 0
                ? $"Nothing to clean up: at most {keep} finished jobs are kept, and there are no more."
                : $"Removed {removed.Count} finished job(s) and their results files ({string.Join(", ", removed)}); kept the newest {keep}.",
            ReplyTone.Success);
    }

    // A backtest asked for while the cluster is down starts it first and says so, so the first request on a fresh machine works.
    // A written rule is shown first as it will run (canonical, with its number of combinations), and becomes the rule
    // that 'save it as NAME' saves.
    private async Task<Reply> SubmitStartingAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var strategies = context.Slot("strategies");
        if (strategies?.Rule is not null)
        {
            recentRules.Remember(context.Message.Chat, context.Message.User.Id, strategies.StrategyText!);
        }

        var reply = await SubmitOnClusterAsync(context, strategies!.StrategyText!, cancellationToken).ConfigureAwait(false);
        return RuleText.Echo(strategies) is { } echo ? reply with { Parts = [new TextPart(echo), .. reply.Parts] } : reply;
    }

    // "which strategy works best" runs every built-in strategy's default grid (StrategyCatalog.EveryDefaultGrid); the
    // summary's verdict line names the winner per symbol.
    private async Task<Reply> SubmitOnClusterAsync(ActionContext context, string strategiesText, CancellationToken cancellationToken, WalkForwardSettings? walkForward = null)
    {
        var symbols = context.Slot("symbols")!;
        var period = context.Slot("period")!.Period!.Value;
        var request = new JobRequest(strategiesText, symbols.Symbols!, period.From, period.To, context.Requester)
        {
            Execution = context.Slot("execution")?.Execution is { } said ? new ExecutionChoice(said.Costs, said.SlippageBps, said.Size, said.WholeShares) { Exits = said.Exits } : null,
            WalkForward = walkForward,
        };
        var (reply, id) = await submitter.SubmitAsync(context, request, cancellationToken).ConfigureAwait(false);

        // "which strategy works best" has no strategies slot: what it ran (every default grid) is what a follow-up repeats.
        var strategies = context.Slot("strategies") ?? new SlotValue("strategies", SlotType.Strategies, strategiesText) { StrategyText = strategiesText };
        // A follow-up ("same for INFY") repeats it as what it was: a backtest, or a walk-forward with the same windows.
        var match = context.Match.Intent == "walk_forward" ? context.Match : context.Match with { Intent = FollowUpRequest.SubmitIntent };
        recentRequests.Remember(context.Message.Chat, LastRequest.Of(match, strategies, id));
        return reply;
    }

    private Reply Status(JobStatus job)
    {
        var lines = new List<string> { JobText.Progress(job), "Request: " + JobText.Request(job.Spec) };
        if (job.StartedAt is { } started)
        {
            var elapsed = (job.FinishedAt ?? time.GetUtcNow()) - started;
            lines.Add((job.FinishedAt is null ? "Running for " : "Ran for ") + JobText.Duration(elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed));
        }

        var reply = new Reply([new BlockPart(string.Join("\n", lines))]);
        return job.State.IsTerminal()
            ? reply with { Parts = [.. reply.Parts, new TextPart($"Finished. Type 'results of job {job.Id}' for the summary and chart.")] }
            : reply;
    }

    private static Reply List(IReadOnlyList<JobStatus> jobs)
    {
        if (jobs.Count == 0)
        {
            return Reply.Text("No jobs yet. Try 'backtest rsi on TCS 2020-2024'.");
        }

        var rows = jobs.Select(j => (IReadOnlyList<string>)
        [
            j.Id,
            j.State.ToName(),
            string.Create(CultureInfo.InvariantCulture, $"{j.Progress * 100:0}%"),
            string.Create(CultureInfo.InvariantCulture, $"{j.TasksTotal:N0}"),
            j.Spec.SubmittedAt.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture),
            $"{j.Spec.Strategies} on {string.Join(",", j.Spec.Symbols.Take(4))}{(j.Spec.Symbols.Count > 4 ? $" +{j.Spec.Symbols.Count - 4}" : string.Empty)}",
        ]).ToList();
        return new Reply([new TablePart("Recent jobs (newest first)", ["Job", "State", "Done", "Tests", "Submitted", "Request"], rows) { NumericColumns = new HashSet<int> { 2, 3 } }]);
    }

    private async Task<Reply> ResultsAsync(JobStatus job, string? rankBy, CancellationToken cancellationToken)
    {
        if (!job.State.IsTerminal())
        {
            return Reply.Text($"Job {job.Id} is still {job.State.ToName()} ({job.Progress * 100:0}%). Its results come when it finishes; type 'job {job.Id} status' meanwhile.", ReplyTone.Warning);
        }

        return await summaries.BuildAsync(job, cancellationToken, rankBy).ConfigureAwait(false);
    }

    private async Task<Reply> JsonAsync(JobStatus job, CancellationToken cancellationToken)
    {
        if (!job.State.IsTerminal())
        {
            return Reply.Text($"Job {job.Id} is still {job.State.ToName()}; its results file is written when it finishes.", ReplyTone.Warning);
        }

        // Made from the node's rows as it is read, so its size is known only by reading: a copy stops one byte past the limit.
        await using var stream = await target.OpenResultsAsync(job, cancellationToken).ConfigureAwait(false);
        using var copy = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, MaxDocumentBytes + 1 - copy.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxDocumentBytes)
            {
                return Reply.Text($"The results of job {job.Id} are over {MaxDocumentBytes / (1024 * 1024)} MB as JSON, too big for a chat; on the server, 'claudbot-node results {job.Id}' prints them, or the dashboard's API sends them (GET /api/jobs/{job.Id}/results?full=1).", ReplyTone.Warning);
            }
        }

        return new Reply([new DocumentPart($"job_{job.Id}.json", copy.ToArray(), $"Results of job {job.Id}: {job.TasksTotal:N0} backtests, each one's metrics.")]);
    }
}
