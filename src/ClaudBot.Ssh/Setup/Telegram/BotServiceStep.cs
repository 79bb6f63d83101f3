using System.Text;

namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The bot as a service: a systemd user unit where the user's systemd answers (written, enabled, started; restarted
/// when its files, settings or token changed), otherwise a daemon in its own session with a pid file, started the same
/// way (and again by the next setup run if it died: there is no supervisor to restart it).
/// </summary>
public sealed class BotServiceStep : ISetupStep
{
    public string Name => "Bot service";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Facts!.UserSystemd ? await SystemdAsync(context, cancellationToken) : await DaemonAsync(context, cancellationToken);
    }

    private async Task<StepReport> SystemdAsync(SetupContext context, CancellationToken cancellationToken)
    {
        context.ServiceManager = "systemd";
        string unit = BotUnit.Text(context.Options.RemoteDirectory);
        bool written = await RemoteFiles.ReadAsync(context, BotPaths.UnitPath, cancellationToken) != unit;
        if (written)
        {
            await RemoteSync.CheckedAsync(context, SetupCommands.MakeDirectories([".config/systemd/user"]), cancellationToken);
            await RemoteFiles.WriteAsync(context, BotPaths.UnitPath, Encoding.UTF8.GetBytes(unit), cancellationToken);
        }

        bool active = (await context.Server.RunAsync(new RemoteCommand("bot unit state", $"systemctl --user is-active {BotPaths.ServiceName}"), cancellationToken)).Output.Trim() == "active";
        bool enabled = (await context.Server.RunAsync(BotCommands.UnitEnabled, cancellationToken)).Output.Trim() == "enabled";
        bool restart = written || context.BotChanged;
        if (!restart && active && enabled)
        {
            return StepReport.Already(Name, $"systemd user unit {BotPaths.ServiceName} is enabled and running");
        }

        var started = await context.Server.RunAsync(BotCommands.EnableAndStart(restart), cancellationToken, timeout: TimeSpan.FromMinutes(2));
        if (started.ExitCode != 0)
        {
            throw new SetupException($"{BotPaths.ServiceName} did not start (exit {started.ExitCode}): {(started.Error + started.Output).Trim()} See why on the server: journalctl --user -u {BotPaths.ServiceName}");
        }

        return StepReport.Done(Name, $"systemd user unit ~/{BotPaths.UnitPath} {(written ? "written, " : string.Empty)}enabled and {(restart && active ? "restarted" : "started")}");
    }

    private async Task<StepReport> DaemonAsync(SetupContext context, CancellationToken cancellationToken)
    {
        context.ServiceManager = "pidfile";
        var options = context.Options;
        string state = (await context.Server.RunAsync(BotCommands.DaemonState(options), cancellationToken)).Output.Trim();
        bool running = state.StartsWith("running", StringComparison.Ordinal);
        if (running && !context.BotChanged)
        {
            return StepReport.Already(Name, $"the bot runs as its own daemon ({state}, pid file ~/{BotPaths.PidFile(options)})");
        }

        if (running)
        {
            await RemoteSync.CheckedAsync(context, BotCommands.DaemonStop(options), cancellationToken);
        }

        var started = await context.Server.RunAsync(BotCommands.DaemonStart(options), cancellationToken, timeout: TimeSpan.FromMinutes(2));
        if (started.ExitCode != 0)
        {
            throw new SetupException($"The bot did not start on the server: {(started.Output + started.Error).Trim()}");
        }

        return StepReport.Done(Name, $"no systemd for your user: the bot {(running ? "restarted" : "started")} as its own daemon ({started.Output.Trim()}, pid file ~/{BotPaths.PidFile(options)}); run this setup again to start it after a reboot");
    }
}
