using System.CommandLine;
using System.Globalization;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Boxes;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>drain HOST [--wait] [--timeout S]</c> and <c>undrain HOST</c>: the drain flag of a box in the queue server. A drained
/// box's workers take no new chunks and finish those they hold; <c>--wait</c> returns once every one of them is drained or
/// gone, or fails after the timeout with <see cref="ExitCodes.Failed"/> and one line naming the workers still going.
/// </summary>
internal static class BoxCommands
{
    /// <summary>How often <c>--wait</c> looks at the workers' heartbeats.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static Command Drain(TextWriter output, TextWriter error)
    {
        var host = HostArgument();
        var wait = new Option<bool>("--wait") { Description = "Wait until every worker of the box is idle (drained) or gone" };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds (default 600)", DefaultValueFactory = _ => 600 };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout must be at least 1 second");
            }
        });
        var command = new Command("drain", "Stop a box's workers taking new chunks; they finish those they hold (undo with 'undrain').") { host, wait, timeout };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (IServiceProvider services, CancellationToken ct) =>
        {
            string box = BoxNames.Validate(parse.GetValue(host));
            int seconds = parse.GetValue(timeout);
            bool changed = await services.GetRequiredService<BoxDrains>().DrainAsync(box);
            if (!parse.GetValue(wait))
            {
                var known = (await services.GetRequiredService<ClusterClient>().SnapshotAsync(ct)).Workers.Select(w => w.Host).Distinct(BoxNames.Comparer).Order(StringComparer.Ordinal).ToList();
                string workers = known.Contains(box, BoxNames.Comparer)
                    ? "its workers take no new chunks and finish those they hold ('claudbot-node status' shows when it is drained)"
                    : $"no live worker reports that box now ({(known.Count == 0 ? "none reports any" : "boxes: " + string.Join(", ", known))}), so it stays drained when one does";
                await output.WriteLineAsync($"Box {box} {(changed ? "is draining" : "was draining already")}: {workers}.");
                return ExitCodes.Success;
            }

            return await WaitAsync(services.GetRequiredService<ClusterClient>(), box, TimeSpan.FromSeconds(seconds), output, error, ct);
        }, cancellationToken));
        return command;
    }

    public static Command Undrain(TextWriter output, TextWriter error)
    {
        var host = HostArgument();
        var command = new Command("undrain", "Let a drained box's workers take work again (at their next heartbeat).") { host };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (IServiceProvider services, CancellationToken ct) =>
        {
            string box = BoxNames.Validate(parse.GetValue(host));
            bool changed = await services.GetRequiredService<BoxDrains>().UndrainAsync(box);
            await output.WriteLineAsync(changed ? $"Box {box} takes work again." : $"Box {box} was not drained.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Refused while parsing, before any queue is asked.
    private static Argument<string> HostArgument()
    {
        var host = new Argument<string>("host") { Description = "The box: the host name its workers report ('claudbot-node status' lists them; Cluster:BoxName)" };
        host.Validators.Add(result =>
        {
            try
            {
                BoxNames.Validate(result.GetValueOrDefault<string>());
            }
            catch (FormatException bad)
            {
                result.AddError(bad.Message);
            }
        });
        return host;
    }

    private static async Task<int> WaitAsync(ClusterClient cluster, string box, TimeSpan timeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        long started = time.GetTimestamp();
        while (true)
        {
            var snapshot = await cluster.SnapshotAsync(cancellationToken);
            string? pending = DrainProgress.Pending(snapshot.Workers, box, time.GetUtcNow());
            if (pending is null)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Box {box} is drained: none of its workers holds a chunk ({time.GetElapsedTime(started).TotalSeconds:0.0} s)."));
                return ExitCodes.Success;
            }

            if (time.GetElapsedTime(started) >= timeout)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Error: box {box} did not drain within {timeout.TotalSeconds:0} s; still going: {pending}. It stays flagged; run 'claudbot-node drain {box} --wait' again, or 'undrain {box}'."));
                return ExitCodes.Failed;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }
}
