using System.CommandLine;
using ClaudBot.Cluster;
using ClaudBot.Hosting;
using ClaudBot.Cluster.Status;
using ClaudBot.Redis;
using Microsoft.Extensions.DependencyInjection;
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
            builder.Services.AddSystemdReadiness();
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
                // Taken now: RunAsync disposes the host (and its container) when it returns.
                var services = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
                await host.RunAsync(cancellationToken);
                return await FailedServiceAsync(services, error);
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

    /// <summary>
    /// 0 after a clean stop; otherwise one line and a non-zero code, so systemd's <c>Restart=on-failure</c> restarts a
    /// node whose driver or worker ended by itself (the host stops then, and would otherwise exit 0 in silence).
    /// </summary>
    private static async Task<int> FailedServiceAsync(IEnumerable<BackgroundService> services, TextWriter error)
    {
        foreach (var service in services)
        {
            if (service.ExecuteTask is { IsFaulted: true } failed)
            {
                var cause = failed.Exception!.GetBaseException();
                await error.WriteLineAsync($"Error: {service.GetType().Name} stopped: {cause.Message}");
                return cause is StackExchange.Redis.RedisException or TimeoutException ? ExitCodes.ClusterDown : ExitCodes.Failed;
            }
        }

        return ExitCodes.Success;
    }
}
