using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot telegram</c>: the bot on Telegram until Ctrl+C or SIGTERM. Needs the token (<c>TELEGRAM_BOT_TOKEN</c>
/// or <c>Telegram:TokenFile</c>) and the allowed users' ids in <c>Telegram:Users</c>. As the service on the server
/// (<c>claudbot setup --telegram</c>) it speaks systemd's notify protocol, or keeps a pid file where there is no systemd.
/// </summary>
internal static class TelegramCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var pidFile = new Option<string>("--pid-file") { Description = "Keep this process's id in PATH while it runs (the service's daemon without systemd)" };
        var command = new Command("telegram", "Run the bot on Telegram (long polling) until Ctrl+C.") { pidFile };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, Build, async (services, ct) =>
        {
            using var pid = BotPidFile.Claim(parse.GetValue(pidFile));
            if (!await CheckTokenAsync(consoles, services.GetRequiredService<ITelegramBotClient>(), ct))
            {
                return ExitCodes.BadInput;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM is how this command is meant to end.
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Microsoft.Extensions.Hosting.IHost Build()
    {
        var builder = Compose();
        builder.Services.AddSystemdReadiness();
        return builder.Build();
    }

    /// <summary>The Telegram client's composition, before it is built (the macOS seam test composes it with <paramref name="platform"/>).</summary>
    internal static Microsoft.Extensions.Hosting.HostApplicationBuilder Compose(IReadOnlyDictionary<string, string?>? overrides = null, ClaudBot.Bot.Platform.ClientPlatform? platform = null)
    {
        var builder = BotHost.Create(overrides, platform);
        builder.Services.AddTelegramBot();
        return builder;
    }

    // A wrong token is the commonest set-up mistake: say so at once instead of polling into 401s.
    private static async Task<bool> CheckTokenAsync(CliConsoles consoles, ITelegramBotClient bot, CancellationToken cancellationToken)
    {
        try
        {
            var me = await bot.GetMe(cancellationToken);
            consoles.Error.MarkupLine($"[grey]ClaudBot on Telegram as @{Markup.Escape(me.Username ?? me.FirstName)}; Ctrl+C stops it.[/]");
            return true;
        }
        catch (ApiRequestException refused) when (refused.ErrorCode is 401 or 404)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] Telegram refused the bot token ({refused.ErrorCode}): check TELEGRAM_BOT_TOKEN (the token from @BotFather).");
            return false;
        }
        catch (RequestException unreachable)
        {
            consoles.Error.MarkupLine($"[yellow]Telegram is not reachable now[/] ({Markup.Escape(unreachable.Message)}); the bot keeps trying with backoff.");
            return true;
        }
    }
}
