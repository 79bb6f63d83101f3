using System.CommandLine;
using ClaudBot.Backtesting;
using ClaudBot.Bot.Targets;
using ClaudBot.Hosting;
using ClaudBot.Output;
using ClaudBot.Telegram;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot telegram</c>: the bot on Telegram until Ctrl+C or SIGTERM. Needs <c>TELEGRAM_BOT_TOKEN</c>
/// and the allowed users' ids in <c>Telegram:Users</c>.
/// </summary>
internal static class TelegramCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("telegram", "Run the bot on Telegram (long polling) until Ctrl+C.");
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                var builder = ClaudBotHost.CreateBuilder();
                builder.Services.AddTelegramBot();
                using var host = builder.Build();
                consoles.Error.MarkupLine("[grey]ClaudBot on Telegram; Ctrl+C stops it.[/]");
                await host.RunAsync(cancellationToken);
                return UserErrors.Success;
            }
            catch (Exception error) when (InputErrors.IsInputError(error) || error is Intents.Catalog.CatalogException)
            {
                consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(InputErrors.Describe(error))}");
                return UserErrors.BadInput;
            }
            catch (ClusterTargetException error)
            {
                consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(error.Message)}");
                return UserErrors.Unexpected;
            }
        });
        return command;
    }
}
