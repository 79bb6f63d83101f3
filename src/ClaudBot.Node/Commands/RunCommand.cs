using System.CommandLine;
using ClaudBot.Cluster;
using ClaudBot.Hosting;
using ClaudBot.Cluster.Status;
using ClaudBot.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>claudbot-node run [--role all|driver|worker]</c>: the node in the foreground until SIGTERM or
/// Ctrl+C, for systemd and tests. The driver role hosts the embedded Redis-compatible server unless
/// <c>Redis:ConnectionString</c> names a real one.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter error)
    {
        var role = new Option<NodeRole>("--role") { Description = "What this process runs", DefaultValueFactory = _ => NodeRole.All };
        var pidFile = new Option<bool>("--pid-file") { Description = "Keep run/node.pid while running, so 'status' shows this process (systemd's unit uses it)" };
        var command = new Command("run", "Run the driver and/or workers in the foreground.") { role, pidFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(role);
            var builder = ClaudBotHost.CreateBuilder().AddClusterNode(chosen);
            using var host = builder.Build();

            // A node run by systemd (or 'claudbot start --foreground') shows in `status` like the pid-file daemons do.
            bool writesPid = parse.GetValue(pidFile);
            var pids = new NodePidFiles(builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions());
            if (writesPid)
            {
                pids.Write("node", Environment.ProcessId);
            }

            try
            {
                await host.RunAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException invalid)
            {
                await error.WriteLineAsync("Error: " + Backtesting.InputErrors.Describe(invalid));
                return ExitCodes.BadInput;
            }
            catch (EmbeddedRedisException refused)
            {
                // The port is taken or another node uses the same data folder.
                await error.WriteLineAsync("Error: " + refused.Message);
                return ExitCodes.Failed;
            }
            finally
            {
                if (writesPid && pids.Read().Any(p => p.Name == "node" && p.Pid == Environment.ProcessId))
                {
                    pids.Delete("node");
                }
            }
        });
        return command;
    }
}
