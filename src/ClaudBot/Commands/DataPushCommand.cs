using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Ssh;
using ClaudBot.Ssh.Setup;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot data push</c>: sends this home's imported data to the server setup configured (only files that differ,
/// each renamed into place whole), so the node's jobs run on the same bars; prints what it sent. With the local target
/// there is nothing to send: the local node reads this home.
/// </summary>
internal static class DataPushCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("push", "Send this home's imported market data to the server (only files that differ).");
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), async (services, ct) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            string userData = configuration["MarketData:UserDirectory"] ?? ClaudBotHome.Resolve().MarketDataDirectory;
            var target = configuration.GetSection(TargetOptions.Section).Get<TargetOptions>() ?? new TargetOptions();
            if (target.Kind != "ssh")
            {
                consoles.Out.WriteLine($"The target is local: the local node already reads this home's data ({userData}); nothing to push.");
                return ExitCodes.Success;
            }

            var ssh = configuration.GetSection(SshTargetOptions.Section).Get<SshTargetOptions>() ?? new SshTargetOptions();
            var options = SetupOptions.ForDataPush(ssh, userData);
            var report = await new UserDataPush(options, new SetupCommand.SpectreSetupConsole(consoles.Out)).RunAsync(ct);
            if (report.Outcome == StepOutcome.Failed)
            {
                consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(report.Detail)}");
                return ExitCodes.Failed;
            }

            consoles.Out.WriteLine($"{options.Target.Describe()}: {report.Detail}");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
