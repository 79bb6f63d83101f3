using System.Globalization;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// Queues a job asked for in chat, whichever intent asked (a backtest, a walk-forward, a portfolio grid): starts the
/// cluster first when it is down and says so, so the first request on a fresh machine works; has the node validate and
/// plan it with the node's data (or plans it here when the node runs without its API); answers with its size and notes,
/// and follows it.
/// </summary>
public sealed class ClusterJobSubmitter(IClusterTarget target, NodeApiClient nodeApi)
{
    /// <returns>The reply (what was queued, the phrase's and the plan's notes, the job to follow) and the job's id.</returns>
    public Task<(Reply Reply, string Id)> SubmitAsync(ActionContext context, JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SubmitAsync(request, context.Match.Notes, cancellationToken);
    }

    /// <summary>As the chat's, for a job a command line asks for (no phrase, so no phrase notes).</summary>
    public async Task<(Reply Reply, string Id)> SubmitAsync(JobRequest request, IEnumerable<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notes);
        string? started = null;
        Cluster.ClusterClient client;
        try
        {
            client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterDownException)
        {
            started = await target.StartAsync(cancellationToken).ConfigureAwait(false);
            client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        }

        SubmittedJob plan;
        try
        {
            plan = await nodeApi.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeApiUnavailableException)
        {
            // A node running without its API (port taken): the queue still takes jobs, planned here.
            var (queued, local) = await client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            plan = new SubmittedJob(queued, local.TaskCount, local.Spec, local.Notes);
        }

        string what = request.Portfolio is null ? "backtest" : "portfolio backtest";
        var parts = new List<ReplyPart>();
        if (started is not null)
        {
            parts.Add(new TextPart(started, ReplyTone.Info));
        }

        parts.Add(new TextPart(string.Create(CultureInfo.InvariantCulture, $"Job {plan.Id} queued: {plan.TasksTotal:N0} {what}{(plan.TasksTotal == 1 ? string.Empty : "s")} ({JobText.Request(plan.Spec)})."), ReplyTone.Success));
        foreach (string note in notes.Concat(plan.Notes).Distinct())
        {
            parts.Add(new TextPart(note, ReplyTone.Warning));
        }

        return (new Reply(parts) { FollowJob = plan.Id }, plan.Id);
    }
}
