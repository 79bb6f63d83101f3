using ClaudBot.Backtesting;
using ClaudBot.Bot.Targets;
using ClaudBot.Hosting;
using ClaudBot.Output;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// Runs a bot command (chat, say, the cluster verbs) inside a started bot host; a configuration error or
/// a cluster that cannot start becomes one line and an exit code, like every other command.
/// </summary>
internal static class BotCommandRunner
{
    public static async Task<int> RunAsync(
        CliConsoles consoles, IReadOnlyDictionary<string, string?> overrides, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var host = BotHost.Build(consoles, overrides);
            await host.StartAsync(cancellationToken);
            try
            {
                return await work(host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Error.MarkupLine("[yellow]Cancelled.[/]");
            return UserErrors.Cancelled;
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
    }
}
