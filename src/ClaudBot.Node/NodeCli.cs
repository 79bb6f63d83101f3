using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Node.Commands;

namespace ClaudBot.Node;

/// <summary>The <c>claudbot-node</c> command line.</summary>
internal static class NodeCli
{
    /// <summary>
    /// How long SIGTERM or Ctrl+C lets a command wind down before System.CommandLine ends the process (exit 143).
    /// Its default, 2 s, cut a stopping worker off before its grace (3 s) ran out, so it never handed its chunks
    /// back nor logged it; this is above the host's shutdown timeout (4 s) and under systemd's SIGKILL (10 s).
    /// </summary>
    private static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(8);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("claudbot-node: the server side of ClaudBot's backtesting cluster.");
        root.Subcommands.Add(RunCommand.Create(error));
        root.Subcommands.Add(DaemonCommands.Start(output, error));
        root.Subcommands.Add(DaemonCommands.Stop(output));
        root.Subcommands.Add(StatusCommand.Create(output));
        root.Subcommands.Add(SubmitCommand.Create(output, error));
        root.Subcommands.Add(JobsCommands.List(output, error));
        root.Subcommands.Add(JobsCommands.Show(output, error));
        root.Subcommands.Add(JobsCommands.Cancel(output, error));
        root.Subcommands.Add(CleanupCommand.Create(output, error));
        root.Subcommands.Add(DataCommand.Create(output, error));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(LogsCommand.Create(output, error));
        root.Subcommands.Add(VersionCommand.Create(output));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would print its help and exit 1 (Failed); a mistake in the command line is
            // bad input for claudbot-node as for claudbot: one line, exit code 2.
            var command = parse.CommandResult.Command;
            string usage = $"{command.Name} {(command.Subcommands.Count > 0 ? "<command> " : string.Empty)}[options]";
            string message = string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct());
            error.WriteLine($"Error: {message}. Usage: {usage} (see --help)");
            return Task.FromResult(ExitCodes.BadInput);
        }

        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TerminationTimeout }, cancellationToken);
    }
}
