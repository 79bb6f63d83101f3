using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Bot.Replies;
using ClaudBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot say "TEXT" [--yes] [--no-wait]</c>: one request from a script, as a client of the node service
/// (a backtest asked for while the local node is down starts it first and says so).
/// Exit codes: 0 done, 1 failed or refused, 2 the bot needs more (a question or a choice), 3 it needs a
/// yes (add --yes), 130 cancelled.
/// </summary>
internal static class SayCommand
{
    public const int NeedsAnswer = 2;
    public const int NeedsConfirmation = 3;

    public static Command Create(CliConsoles consoles)
    {
        var text = new Argument<string>("text") { Description = "What you would type in the chat, e.g. \"backtest rsi on TCS 2020-2024\"" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Answer yes if the bot asks to confirm (stop, restart, cancel, cleanup)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not follow a submitted job to its end" };
        var command = new Command("say", "Send one request to the bot and exit with its outcome.") { text, yes, noWait };
        command.SetAction((parse, cancellationToken) => RunAsync(consoles, parse.GetValue(text)!, parse.GetValue(yes), !parse.GetValue(noWait), cancellationToken));
        return command;
    }

    /// <summary>Sends <paramref name="text"/> (and "yes" after it when <paramref name="yes"/>); the exit code tells the outcome.</summary>
    public static Task<int> RunAsync(CliConsoles consoles, string text, bool yes, bool follow, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            var chat = services.GetRequiredService<TerminalChat>();
            var reply = await chat.SayAsync(text, follow, ct);
            if (reply?.Confirm is not null)
            {
                if (!yes)
                {
                    consoles.Error.MarkupLine("[yellow]Not done: this needs a yes. Run again with --yes.[/]");
                    return NeedsConfirmation;
                }

                reply = await chat.SayAsync("yes", follow, ct);
            }

            return ExitCode(reply);
        }, cancellationToken);

    private static int ExitCode(Reply? reply) => reply switch
    {
        null => Output.UserErrors.Cancelled,
        { NeedsAnswer: true } => NeedsAnswer,
        { Succeeded: true } => Output.UserErrors.Success,
        _ => Output.UserErrors.Unexpected,
    };
}
