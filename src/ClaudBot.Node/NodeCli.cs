using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Node.Commands;

namespace ClaudBot.Node;

/// <summary>The <c>claudbot-node</c> command line.</summary>
internal static class NodeCli
{
    /// <summary>
    /// How long SIGTERM or Ctrl+C lets a one-shot command (submit --wait, data, bench) wind down before
    /// System.CommandLine ends the process (exit 130 or 143). <c>run</c> is not one of them: see <see cref="RunAsync"/>.
    /// </summary>
    private static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(8);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand("claudbot-node: the server side of ClaudBot's backtesting cluster.");
        var run = RunCommand.Create(error);
        root.Subcommands.Add(run);
        root.Subcommands.Add(DaemonCommands.Start(output, error));
        root.Subcommands.Add(DaemonCommands.Stop(output));
        root.Subcommands.Add(StatusCommand.Create(output));
        root.Subcommands.Add(BoxCommands.Drain(output, error));
        root.Subcommands.Add(BoxCommands.Undrain(output, error));
        root.Subcommands.Add(SubmitCommand.Create(output, error));
        root.Subcommands.Add(JobsCommands.List(output, error));
        root.Subcommands.Add(JobsCommands.Show(output, error));
        root.Subcommands.Add(JobsCommands.Results(output, error));
        root.Subcommands.Add(JobsCommands.Cancel(output, error));
        root.Subcommands.Add(ScheduleCommands.List(output, error));
        root.Subcommands.Add(ScheduleCommands.Schedule(output, error));
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

        // 'run' owns its shutdown: the host's console lifetime takes SIGTERM and Ctrl+C, stops the workers (they hand
        // back what they cannot finish) and the driver, and the command exits 0. System.CommandLine's handler would
        // instead end the process at its timeout with 143, before the hand-back had landed.
        var timeout = parse.CommandResult.Command == run ? (TimeSpan?)null : TerminationTimeout;
        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = timeout }, cancellationToken);
    }
}
