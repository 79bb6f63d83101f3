using System.CommandLine;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Status;
using ClaudBot.Hosting;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>logs [--component driver|worker] [--lines N]</c>: the last lines of the driver's log or of the worker log written last, across its rolled files
/// (what the bot's "show logs" asks the server for).
/// </summary>
internal static class LogsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var component = new Option<string>("--component") { Description = "driver or worker", DefaultValueFactory = _ => "driver" };
        component.AcceptOnlyFromAmong("driver", "worker");
        var lines = new Option<int>("--lines") { Description = "How many lines (1-1000)", DefaultValueFactory = _ => 50 };
        var command = new Command("logs", "Print the last lines of the driver's or the newest worker's log.") { component, lines };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int count = parse.GetValue(lines);
            if (count is < 1 or > 1000)
            {
                await error.WriteLineAsync("Error: --lines must be between 1 and 1000.");
                return ExitCodes.BadInput;
            }

            var builder = ClaudBotHost.CreateBuilder();
            var folder = new ClusterOptions { LogDirectory = builder.Configuration["Cluster:LogDirectory"] ?? "logs" }.ResolveLogDirectory();
            var role = parse.GetValue(component) == "worker" ? NodeRole.Worker : NodeRole.Driver;
            foreach (string line in await ClusterLogReader.ReadLastLinesAsync(folder, role, count, cancellationToken))
            {
                await output.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
