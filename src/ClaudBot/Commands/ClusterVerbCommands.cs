using System.CommandLine;
using System.Text.Json;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Targets.Local;
using ClaudBot.Chat;
using ClaudBot.Cluster.Status;
using ClaudBot.Hosting;
using ClaudBot.Targets;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// The guide's scripts as plain commands: <c>claudbot start | stop | monitor [--watch | --json] | submit STRATEGIES SYMBOLS FROM TO [--json]</c>.
/// Each is the chat phrase it names, through the same engine (validation, audit). On the local target the
/// node is a background service on this machine: <c>start</c> returns once it is up (<c>--foreground</c> keeps it attached).
/// </summary>
internal static class ClusterVerbCommands
{
    public static IEnumerable<Command> Create(CliConsoles consoles)
    {
        yield return Start(consoles);
        yield return Stop(consoles);
        yield return Monitor(consoles);
        yield return Submit(consoles);
    }

    private static Command Start(CliConsoles consoles)
    {
        var foreground = new Option<bool>("--foreground") { Description = "Local target: run the node attached to this terminal until Ctrl+C, instead of in the background" };
        var command = new Command("start", "Start the cluster (local target: the node runs in the background until 'claudbot stop').") { foreground };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            if (parse.GetValue(foreground) && services.GetRequiredService<IClusterTarget>() is LocalNodeTarget)
            {
                return await RunAttachedAsync(services.GetRequiredService<NodeProgram>(), ct);
            }

            var reply = await services.GetRequiredService<TerminalChat>().SayAsync("start cluster", follow: false, ct);
            return reply is { Succeeded: true } ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    // 'claudbot-node run --pid-file' with this terminal: its logs stay in the log files, Ctrl+C reaches it too and stops it.
    private static async Task<int> RunAttachedAsync(NodeProgram program, CancellationToken cancellationToken)
    {
        using var process = System.Diagnostics.Process.Start(program.StartInfo("run", "--pid-file"))!;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return process.ExitCode;
    }

    private static Command Stop(CliConsoles consoles)
    {
        var command = new Command("stop", "Stop the cluster (running jobs resume after the next start).");
        command.SetAction((_, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            var chat = services.GetRequiredService<TerminalChat>();
            var reply = await chat.SayAsync("stop cluster", follow: false, ct);
            reply = reply?.Confirm is not null ? await chat.SayAsync("yes", follow: false, ct) : reply;
            return reply is { Succeeded: true } ? ExitCodes.Success : ExitCodes.Failed;
        }, cancellationToken));
        return command;
    }

    private static Command Monitor(CliConsoles consoles)
    {
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh every 2 seconds until Ctrl+C" };
        var json = new Option<bool>("--json") { Description = "Print the status once as JSON (the document of 'claudbot-node status --json')" };
        var command = new Command("monitor", "Show processes, workers, jobs, queue, CPU and memory.") { watch, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(watch) && result.GetValue(json))
            {
                result.AddError("--watch and --json do not go together: --json prints the status once");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            var engine = services.GetRequiredService<ConversationEngine>();
            var message = new ChatMessage(TerminalUser.Chat, TerminalUser.Current, "monitor cluster");
            if (parse.GetValue(json))
            {
                return await MonitorJsonAsync(consoles, engine, message, ct);
            }

            if (!parse.GetValue(watch))
            {
                var reply = await engine.HandleAsync(message, ct);
                await services.GetRequiredService<TerminalReplies>().ShowAsync(reply, ct);
                return reply.Succeeded ? ExitCodes.Success : ExitCodes.ClusterDown;
            }

            var time = services.GetRequiredService<TimeProvider>();
            using var ctrlC = new CtrlC(ct);
            await consoles.Out.Live(new Text(string.Empty)).StartAsync(async live =>
            {
                try
                {
                    while (true)
                    {
                        var reply = await engine.HandleAsync(message, ctrlC.Token);
                        string blocks = string.Join("\n", reply.Parts.OfType<BlockPart>().Select(b => b.Text.TrimEnd()));
                        live.UpdateTarget(new Text($"{blocks}\n(refreshed {time.GetLocalNow():HH:mm:ss}; Ctrl+C to stop)"));
                        await Task.Delay(TimeSpan.FromSeconds(2), time, ctrlC.Token);
                    }
                }
                catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested)
                {
                    // Ctrl+C ends the watch, which is the way out of it.
                }
            });
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    // Through the engine like the status block (so it is audited), printing the status the reply was made from.
    private static async Task<int> MonitorJsonAsync(CliConsoles consoles, ConversationEngine engine, ChatMessage message, CancellationToken cancellationToken)
    {
        var reply = await engine.HandleAsync(message, cancellationToken);
        if (reply.Status is not { } status)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(reply.Parts.OfType<TextPart>().FirstOrDefault()?.Text ?? "no status came back")}");
            return ExitCodes.Failed;
        }

        consoles.Raw.WriteLine(JsonSerializer.Serialize(status, StatusJson.Default.NodeStatus));
        return status.Up ? ExitCodes.Success : ExitCodes.ClusterDown;
    }

    private static Command Submit(CliConsoles consoles)
    {
        var strategies = new Argument<string>("strategies") { Description = "e.g. rsi,macd or \"rsi(period=10)\"" };
        var symbols = new Argument<string>("symbols") { Description = "e.g. RELIANCE,TCS or nifty50" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD" };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the job id and exit without following it" };
        var json = SayCommand.JsonOption();
        var command = new Command("submit", "Submit a backtest job to the cluster and follow it to its summary.") { strategies, symbols, from, to, noWait, json };
        command.SetAction((parse, cancellationToken) =>
        {
            string phrase = $"submit cluster job {parse.GetValue(strategies)} on {parse.GetValue(symbols)} from {parse.GetValue(from)} to {parse.GetValue(to)}";
            return SayCommand.RunAsync(consoles, phrase, yes: false, follow: !parse.GetValue(noWait), json: parse.GetValue(json), cancellationToken);
        });
        return command;
    }
}
