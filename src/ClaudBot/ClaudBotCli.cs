using System.CommandLine;
using ClaudBot.Commands;
using ClaudBot.Hosting;
using ClaudBot.Output;
using Spectre.Console;

namespace ClaudBot;

/// <summary>The <c>claudbot</c> command line: one verb per task, each with <c>--help</c>.</summary>
internal static class ClaudBotCli
{
    public static Task<int> RunAsync(string[] args, CliConsoles consoles, CancellationToken cancellationToken)
    {
        var root = new RootCommand("ClaudBot: chat-ops for a home backtesting cluster. Backtest NSE strategies from the terminal.");
        root.Subcommands.Add(BacktestCommand.Create(consoles));
        root.Subcommands.Add(PortfolioCommand.Create(consoles));
        root.Subcommands.Add(StrategiesCommand.Create(consoles));
        root.Subcommands.Add(SymbolsCommand.Create(consoles));
        root.Subcommands.Add(DataCommand.Create(consoles));
        root.Subcommands.Add(CostsCommand.Create(consoles));
        root.Subcommands.Add(BenchCommand.Create(consoles));
        root.Subcommands.Add(IntentCommand.Create(consoles));
        root.Subcommands.Add(ChatCommand.Create(consoles));
        root.Subcommands.Add(SayCommand.Create(consoles));
        root.Subcommands.Add(TelegramCommand.Create(consoles));
        root.Subcommands.Add(SetupCommand.Create(consoles));
        root.Subcommands.Add(DoctorCommand.Create(consoles));
        foreach (var verb in ClusterVerbCommands.Create(consoles))
        {
            root.Subcommands.Add(verb);
        }

        root.Subcommands.Add(WalkForwardCommand.Create(consoles));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Mistakes in the command line are input errors like any other: one line, exit code 2.
            var command = parse.CommandResult.Command;
            var parts = command.Subcommands.Count > 0 ? ["<command>"] : command.Arguments.Select(a => $"<{a.Name}>");
            string usage = $"{command.Name} {string.Join(" ", parts)} [options]";
            string message = string.Join("; ", parse.Errors.Select(e => CommandLineErrors.Clean(e.Message, parse.Tokens.Select(t => t.Value)).TrimEnd('.')).Distinct()) + ".";
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(message)} Usage: {Markup.Escape(usage)} (see --help)");
            return Task.FromResult(ExitCodes.BadInput);
        }

        var invocation = new InvocationConfiguration
        {
            Output = consoles.Raw,
            Error = Console.Error,

            // The chat handles Ctrl+C itself (it stops a wait, never the chat); System.CommandLine's own handler
            // would cancel the chat's token and end the process with 130 two seconds later.
            ProcessTerminationTimeout = parse.CommandResult.Command.Name == "chat" ? null : TimeSpan.FromSeconds(2),
        };
        return parse.InvokeAsync(invocation, cancellationToken);
    }
}
