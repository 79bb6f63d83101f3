using System.CommandLine;
using ClaudBot.Chat;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Commands;

/// <summary><c>claudbot chat</c>: talk to the cluster in the terminal, with history, tables and live progress.</summary>
internal static class ChatCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("chat", "Talk to the cluster: 'start cluster', 'backtest rsi on TCS 2020-2024', 'monitor cluster', 'help'.");
        command.SetAction((_, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles), (services, ct) =>
            services.GetRequiredService<TerminalChat>().RunAsync(new LineEditor("claudbot> ", services.GetRequiredService<ClaudBotHome>().ChatHistory), ct), cancellationToken));
        return command;
    }
}
