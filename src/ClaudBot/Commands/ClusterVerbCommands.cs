using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Targets;
using ClaudBot.Chat;
using ClaudBot.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// The guide's scripts as plain commands: <c>claudbot start | stop | monitor [--watch] | submit STRATEGIES SYMBOLS FROM TO</c>.
/// Each is the chat phrase it names, through the same engine (validation, audit). On the local target the
/// cluster lives in a process: <c>start</c> runs it in the foreground until Ctrl+C.
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
        var command = new Command("start", "Start the cluster (local target: runs it here until Ctrl+C).");
        command.SetAction((_, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            var target = services.GetRequiredService<IClusterTarget>();
            var reply = await services.GetRequiredService<TerminalChat>().SayAsync("start cluster", follow: false, ct);
            if (target is not LocalClusterTarget || reply is not { Succeeded: true })
            {
                return reply is { Succeeded: true } ? UserErrors.Success : UserErrors.Unexpected;
            }

            consoles.Out.MarkupLine("[grey]The cluster runs while this command runs; Ctrl+C stops it (jobs are kept and resume on the next start).[/]");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                consoles.Out.MarkupLine("Stopping the cluster.");
            }

            return UserErrors.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Stop(CliConsoles consoles)
    {
        var command = new Command("stop", "Stop the cluster (running jobs resume after the next start).");
        command.SetAction((_, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            if (services.GetRequiredService<IClusterTarget>() is LocalClusterTarget)
            {
                consoles.Error.MarkupLine("The local cluster runs inside 'claudbot chat' or 'claudbot start' and stops with it: type 'stop cluster' there, or press Ctrl+C.");
                return UserErrors.Unexpected;
            }

            var chat = services.GetRequiredService<TerminalChat>();
            var reply = await chat.SayAsync("stop cluster", follow: false, ct);
            reply = reply?.Confirm is not null ? await chat.SayAsync("yes", follow: false, ct) : reply;
            return reply is { Succeeded: true } ? UserErrors.Success : UserErrors.Unexpected;
        }, cancellationToken));
        return command;
    }

    private static Command Monitor(CliConsoles consoles)
    {
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh every 2 seconds until Ctrl+C" };
        var command = new Command("monitor", "Show processes, workers, jobs, queue, CPU and memory.") { watch };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            var engine = services.GetRequiredService<ConversationEngine>();
            var message = new ChatMessage(TerminalUser.Chat, TerminalUser.Current, "monitor cluster");
            if (!parse.GetValue(watch))
            {
                var reply = await engine.HandleAsync(message, ct);
                await services.GetRequiredService<TerminalReplies>().ShowAsync(reply, ct);
                return reply.Succeeded ? UserErrors.Success : 3;
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
            return UserErrors.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Submit(CliConsoles consoles)
    {
        var strategies = new Argument<string>("strategies") { Description = "e.g. rsi,macd or \"rsi(period=10)\"" };
        var symbols = new Argument<string>("symbols") { Description = "e.g. RELIANCE,TCS or nifty50" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD" };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the job id and exit without following it" };
        var command = new Command("submit", "Submit a backtest job to the cluster and follow it to its summary.") { strategies, symbols, from, to, noWait };
        command.SetAction((parse, cancellationToken) =>
        {
            string phrase = $"submit cluster job {parse.GetValue(strategies)} on {parse.GetValue(symbols)} from {parse.GetValue(from)} to {parse.GetValue(to)}";
            return SayCommand.RunAsync(consoles, phrase, yes: false, follow: !parse.GetValue(noWait), cancellationToken);
        });
        return command;
    }
}
