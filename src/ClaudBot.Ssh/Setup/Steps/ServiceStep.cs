using System.Text;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// How the node is started on the server: a systemd user unit when the user's systemd answers (written and
/// enabled, lingering asked for so it outlives the login), otherwise the node's own pid-file daemons
/// (<c>claudbot-node start</c>).
/// </summary>
public sealed class ServiceStep : ISetupStep
{
    public string Name => "Service";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = context.Facts!;
        if (!facts.UserSystemd)
        {
            context.ServiceManager = "pidfile";
            return StepReport.Already(Name, $"no systemd for your user on the server: the node runs as its own daemon (claudbot-node start, pid files in ~/{context.Options.RemoteDirectory}/run)");
        }

        context.ServiceManager = "systemd";
        string unit = SystemdUnit.Text(context.Options.RemoteDirectory, context.Options.IsWorkerBox);
        bool written = await RemoteFiles.ReadAsync(context, SystemdUnit.Path, cancellationToken) != unit;
        bool enabled = (await context.Server.RunAsync(SetupCommands.UnitEnabled, cancellationToken)).Output.Trim() == "enabled";
        if (written)
        {
            await RemoteSync.CheckedAsync(context, SetupCommands.MakeDirectories([".config/systemd/user"]), cancellationToken);
            await RemoteFiles.WriteAsync(context, SystemdUnit.Path, Encoding.UTF8.GetBytes(unit), cancellationToken);
        }

        if (written || !enabled)
        {
            await RemoteSync.CheckedAsync(context, SetupCommands.EnableUnit, cancellationToken);
        }

        var warnings = new List<string>();
        bool lingered = false;
        if (!facts.Linger)
        {
            lingered = (await context.Server.RunAsync(SetupCommands.EnableLinger, cancellationToken)).ExitCode == 0;
            if (!lingered)
            {
                warnings.Add($"Your user's services stop when you log out of the server: there, run 'sudo loginctl enable-linger {context.Options.User}' once.");
            }
        }

        var report = written || !enabled || lingered
            ? StepReport.Done(Name, $"systemd user unit ~/{SystemdUnit.Path} {(written ? "written and " : string.Empty)}enabled{(lingered ? ", lingering on" : string.Empty)}")
            : StepReport.Already(Name, $"systemd user unit ~/{SystemdUnit.Path} is in place and enabled");
        return report with { Warnings = warnings };
    }
}
