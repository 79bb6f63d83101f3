using ClaudBot.Backtesting;
using ClaudBot.Engine.Text;
using ClaudBot.Hosting;
using ClaudBot.Targets;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// Runs a command's work inside a started host (so settings are validated first) and turns every
/// failure into an exit code and one readable line: user mistakes say what to type instead.
/// </summary>
internal static class CommandRunner
{
    public static Task<int> RunAsync(
        CliConsoles consoles,
        IReadOnlyDictionary<string, string?> overrides,
        Func<IServiceProvider, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken) =>
        RunAsync(consoles, () => CliHost.Build(overrides), work, cancellationToken);

    /// <summary>The same for a host of the command's own (the bot's, the Telegram channel's).</summary>
    public static async Task<int> RunAsync(
        CliConsoles consoles,
        Func<IHost> build,
        Func<IServiceProvider, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = build();
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
            return ExitCodes.Cancelled;
        }
        catch (Exception error) when (InputErrors.IsInputError(error) || error is Intents.Catalog.CatalogException)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(UserText.Printable(InputErrors.Describe(error)))}");
            if (error is Engine.Strategies.StrategySpecException { Caret: { } caret })
            {
                // The rule with a caret under the place the message names (already printable, so the caret lines up).
                consoles.Error.WriteLine(caret);
            }

            return ExitCodes.BadInput;
        }
        catch (ClusterDownException error)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(error.Message)}");
            return ExitCodes.ClusterDown;
        }
        catch (Exception error) when (Redis.QueueErrorText.IsQueueError(error))
        {
            // A queue server that stalls or drops mid-command (a timeout after a huge job): one line, not the client's stack.
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(Redis.QueueErrorText.Describe(error))}");
            return ExitCodes.ClusterDown;
        }
        catch (ClusterTargetException error)
        {
            // The cluster could not start (or be reached): what happened and what to do, from the target.
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(error.Message)}");
            return ExitCodes.Failed;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(error.Message)}");
            return ExitCodes.Failed;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Last resort: anything else would reach System.CommandLine's handler, which prints the whole stack.
            // One line with the type, so a bug is still reportable.
            string message = UserText.Clean(error.Message.Split('\n', 2)[0].Trim());
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(message)} (unexpected {error.GetType().Name}; please report it)");
            return ExitCodes.Failed;
        }
    }
}
