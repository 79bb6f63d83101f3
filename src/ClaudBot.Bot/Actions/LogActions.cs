using ClaudBot.Bot.Replies;
using ClaudBot.Cluster;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>The last lines of the driver's or a worker's log.</summary>
public sealed class LogActions(IClusterTarget target) : IIntentAction
{
    public IReadOnlyList<string> Intents { get; } = ["show_logs"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var component = context.Slot("component")?.Choice == "worker" ? NodeRole.Worker : NodeRole.Driver;
        int count = context.Slot("lines")?.Number ?? 50;
        var lines = await target.ReadLogAsync(component, count, cancellationToken).ConfigureAwait(false);
        string name = component == NodeRole.Worker ? "worker" : "driver";
        return lines.Count == 0
            ? Reply.Text($"The {name} log is empty (has the cluster been started?).", ReplyTone.Warning)
            : new Reply([new TextPart($"Last {lines.Count} lines of the {name} log:"), new BlockPart(string.Join("\n", lines))]);
    }
}
