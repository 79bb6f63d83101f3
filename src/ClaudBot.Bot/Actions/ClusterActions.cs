using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Status;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>start, stop, restart and monitor the cluster.</summary>
public sealed class ClusterActions(IClusterTarget target) : IIntentAction
{
    public IReadOnlyList<string> Intents { get; } = ["start_cluster", "stop_cluster", "restart_cluster", "monitor_cluster"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Match.Intent)
        {
            case "start_cluster":
                return Reply.Text(await target.StartAsync(cancellationToken).ConfigureAwait(false), ReplyTone.Success);
            case "stop_cluster":
                return Reply.Text(await target.StopAsync(cancellationToken).ConfigureAwait(false), ReplyTone.Success);
            case "restart_cluster":
                string stopped = await target.StopAsync(cancellationToken).ConfigureAwait(false);
                string started = await target.StartAsync(cancellationToken).ConfigureAwait(false);
                return Reply.Text(stopped + " " + started, ReplyTone.Success);
            default:
                return await MonitorAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Reply> MonitorAsync(CancellationToken cancellationToken)
    {
        var status = await target.StatusAsync(cancellationToken).ConfigureAwait(false);
        var parts = new List<ReplyPart> { new BlockPart(NodeStatusText.Describe(status, "type 'start cluster'")) };
        if (status.Cluster is { JobsRunning: > 0 } or { JobsQueued: > 0 })
        {
            var client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
            var recent = await client.ListAsync(0, 20, cancellationToken).ConfigureAwait(false);
            var active = recent.Where(j => !j.State.IsTerminal()).Take(5).Select(JobText.Progress);
            parts.Add(new BlockPart("Active jobs:\n" + string.Join("\n", active)));
        }

        return new Reply(parts) { Succeeded = status.Up, Status = status };
    }
}
