using System.CommandLine;
using System.Text.Json;
using ClaudBot.Hosting;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Chat;
using ClaudBot.Output.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot say "TEXT" [--yes] [--no-wait] [--json]</c>: one request from a script, as a client of the node service
/// (a backtest asked for while the local node is down starts it first and says so).
/// Exit codes (<see cref="ExitCodes"/>): done, failed or refused, bad input when the bot asked a question or a
/// choice (the request was incomplete), needs confirmation when it needs a yes (add --yes), cancelled.
/// </summary>
internal static class SayCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var text = new Argument<string>("text") { Description = "What you would type in the chat, e.g. \"backtest rsi on TCS 2020-2024\"" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Answer yes if the bot asks to confirm (stop, restart, cancel, cleanup)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Do not follow a submitted job to its end" };
        var json = JsonOption();
        var command = new Command("say", "Send one request to the bot and exit with its outcome.") { text, yes, noWait, json };
        command.SetAction((parse, cancellationToken) => RunAsync(consoles, parse.GetValue(text)!, parse.GetValue(yes), !parse.GetValue(noWait), parse.GetValue(json), cancellationToken));
        return command;
    }

    /// <summary>The <c>--json</c> of <c>say</c> and <c>submit</c>.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON document (intent, reply lines, tables, files, job id and state) instead of the chat's output" };

    /// <summary>Sends <paramref name="text"/> (and "yes" after it when <paramref name="yes"/>); the exit code tells the outcome.</summary>
    public static Task<int> RunAsync(CliConsoles consoles, string text, bool yes, bool follow, bool json, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), async (services, ct) =>
        {
            if (json)
            {
                return await RunForJsonAsync(consoles, services, text, yes, follow, ct);
            }

            var chat = services.GetRequiredService<TerminalChat>();
            var reply = await chat.SayAsync(text, follow, ct);
            if (reply?.Confirm is not null)
            {
                if (!yes)
                {
                    NeedsYes(consoles);
                    return ExitCodes.NeedsConfirmation;
                }

                reply = await chat.SayAsync("yes", follow, ct);
            }

            return ExitCode(reply);
        }, cancellationToken);

    private static async Task<int> RunForJsonAsync(CliConsoles consoles, IServiceProvider services, string text, bool yes, bool follow, CancellationToken cancellationToken)
    {
        var conversation = new JsonConversation(services.GetRequiredService<ConversationEngine>(), services.GetRequiredService<ClaudBotHome>().ChartsDirectory);
        var reply = await conversation.SayAsync(text, cancellationToken);
        int exitCode;
        if (reply.Confirm is not null && !yes)
        {
            NeedsYes(consoles);
            exitCode = ExitCodes.NeedsConfirmation;
        }
        else
        {
            if (reply.Confirm is not null)
            {
                reply = await conversation.SayAsync("yes", cancellationToken);
            }

            if (follow && reply.FollowJob is { } job)
            {
                reply = await conversation.FollowAsync(job, cancellationToken);
            }

            exitCode = ExitCode(reply);
        }

        consoles.Raw.WriteLine(JsonSerializer.Serialize(conversation.Document(text, reply, exitCode), CliJson.Relaxed.SayDocument));
        return exitCode;
    }

    private static void NeedsYes(CliConsoles consoles) => consoles.Error.MarkupLine("[yellow]Not done: this needs a yes. Run again with --yes.[/]");

    private static int ExitCode(Reply? reply) => reply switch
    {
        null => ExitCodes.Cancelled,
        { NeedsAnswer: true } => ExitCodes.BadInput,
        { Succeeded: true } => ExitCodes.Success,
        _ => ExitCodes.Failed,
    };
}
