using System.CommandLine;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Targets.Local;
using ClaudBot.Cluster;
using ClaudBot.Doctor;
using ClaudBot.Hosting;
using ClaudBot.MarketData;
using ClaudBot.Redis;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot doctor</c>: where everything is, and whether it works: versions, the node beside the program, the
/// target and its node, the dashboard, the market data and free disk. Exit 0 when nothing failed (warnings
/// allowed), 1 when a check failed.
/// </summary>
internal static class DoctorCommand
{
    // Doctor looks, it never starts: with Target:AutoStart the host's start would bring the node up and hide that it was down.
    private static readonly Dictionary<string, string?> NoAutoStart = new() { ["Target:AutoStart"] = "false" };

    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("doctor", "Show where settings, data and logs are, and check the node, the data, the versions and the disk.");
        command.SetAction((_, cancellationToken) => CommandRunner.RunAsync(consoles, () => BotHost.Build(consoles, NoAutoStart), async (services, ct) =>
        {
            var paths = DoctorPaths.From(
                services.GetRequiredService<ClaudBotHome>(),
                services.GetRequiredService<IOptions<ClusterOptions>>().Value,
                services.GetRequiredService<IOptions<RedisOptions>>().Value,
                services.GetRequiredService<IOptions<MarketDataOptions>>().Value,
                services.GetRequiredService<IOptions<BotOptions>>().Value);
            var target = services.GetRequiredService<IClusterTarget>();
            var configuration = services.GetRequiredService<IConfiguration>();
            bool local = target is LocalNodeTarget;
            List<DoctorCheck> checks =
            [
                ProgramVersions.CheckProgram(),
                ProgramVersions.CheckNodeProgram(services.GetRequiredService<NodeProgram>(), local),
                NodeChecks.CheckTarget(target, local),
                await NodeChecks.CheckNodeAsync(target, ct),
                await NodeChecks.CheckDashboardAsync(target, configuration, local, ct),
                StorageChecks.CheckMarketData(services.GetRequiredService<IMarketData>(), paths["market data"]),
                StorageChecks.CheckDisk([paths["data"], paths["results"], paths["queue data"]]),
            ];
            DoctorReport.Write(consoles.Out, paths, checks);
            return checks.Any(c => c.Status == DoctorStatus.Fail) ? ExitCodes.Failed : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
