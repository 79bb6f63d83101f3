using System.CommandLine;
using ClaudBot.Commands;

namespace ClaudBot;

/// <summary>The <c>claudbot</c> command line: one verb per task, each with <c>--help</c>.</summary>
internal static class ClaudBotCli
{
    public static Task<int> RunAsync(string[] args, CliConsoles consoles, CancellationToken cancellationToken)
    {
        var root = new RootCommand("ClaudBot: chat-ops for a home backtesting cluster. Backtest NSE strategies from the terminal.");
        root.Subcommands.Add(BacktestCommand.Create(consoles));
        root.Subcommands.Add(StrategiesCommand.Create(consoles));
        root.Subcommands.Add(SymbolsCommand.Create(consoles));
        root.Subcommands.Add(BenchCommand.Create(consoles));
        var invocation = new InvocationConfiguration { Output = consoles.Raw, Error = Console.Error };
        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
