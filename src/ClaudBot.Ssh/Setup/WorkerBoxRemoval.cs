using ClaudBot.Ssh.Setup.Steps;
using Renci.SshNet.Common;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// <c>claudbot setup --remove-worker HOST</c>: the box drained first (its workers finish or hand back their chunks: the
/// server's <c>claudbot-node drain HOST --wait</c>), then its service stopped and disabled, its key taken out of the
/// server's authorized_keys, and the box forgotten in the client's settings. A box that cannot be reached any more is
/// still removed (its key revoked, its chunks come back to the queue when their leases run out), with a warning.
/// </summary>
public sealed class WorkerBoxRemoval(SshTargetOptions server, string host, string settingsFile, ISetupConsole console, TimeProvider time)
{
    /// <summary>The longest a drain may wait for the box's running chunks.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    public async Task<SetupResult> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        long started = time.GetTimestamp();
        var reports = new List<StepReport>();
        var box = server.Workers.FirstOrDefault(b => string.Equals(b.Host, host, StringComparison.OrdinalIgnoreCase));
        if (box is null)
        {
            string known = server.Workers.Count == 0 ? "there are none" : "they are " + string.Join(", ", server.Workers.Select(b => b.Host));
            Add(reports, new StepReport("Worker box", StepOutcome.Failed, $"{host} is not a worker box of {server.Describe()} in {settingsFile} ({known}). Nothing was changed."));
            return Result(reports, started);
        }

        var serverOptions = SetupOptions.ForTarget(server) with { ConnectTimeout = server.ConnectTimeout };
        SetupConnection connection;
        try
        {
            connection = await Logins.WithKeyAsync(serverOptions, Logins.RecordedOnly(serverOptions), cancellationToken);
        }
        catch (Exception failure) when (failure is SetupException or SshAuthenticationException)
        {
            Add(reports, new StepReport("Server", StepOutcome.Failed, $"Could not reach the server to revoke the box's access: {failure.Message} Nothing was changed."));
            return Result(reports, started);
        }

        using (connection)
        {
            Add(reports, await DrainAsync(connection, box, cancellationToken));
            Add(reports, await StopAsync(box, cancellationToken));
            var revoked = await connection.RunAsync(WorkerBoxCommands.RemoveBox(box.Host), cancellationToken);
            Add(reports, revoked.ExitCode == 0
                ? new StepReport("Queue access", revoked.Output.Trim() == "removed" ? StepOutcome.Done : StepOutcome.Already, $"the box's key {(revoked.Output.Trim() == "removed" ? "removed from" : "was not in")} ~/.ssh/authorized_keys on {server.Describe()}")
                : new StepReport("Queue access", StepOutcome.Failed, $"Could not edit ~/.ssh/authorized_keys on the server: {(revoked.Error + revoked.Output).Trim()}"));
            if (revoked.ExitCode != 0)
            {
                return Result(reports, started);
            }
        }

        bool forgot = await ClientSettingsFile.UpdateAsync(settingsFile, s => WorkerSettingsStep.Remove(s, box.Host), cancellationToken);
        Add(reports, new StepReport("Client settings", forgot ? StepOutcome.Done : StepOutcome.Already, $"{box.Host} {(forgot ? "removed from" : "was not in")} Target:Ssh:Workers of {Path.GetFullPath(settingsFile)}"));
        var result = Result(reports, started);
        console.Summary($"Worker box {box.Host} removed: the cluster runs on {server.Describe()}{(server.Workers.Count > 1 ? " and its other boxes" : string.Empty)}.");
        return result;
    }

    private async Task<StepReport> DrainAsync(SetupConnection connection, WorkerBoxOptions box, CancellationToken cancellationToken)
    {
        string name = WorkerBoxOptions.BoxName(box.Host);
        var drained = await connection.RunAsync(WorkerBoxCommands.Drain(server, name), cancellationToken, timeout: DrainTimeout);
        string said = (drained.Error + drained.Output).Trim();
        if (drained.ExitCode == 0)
        {
            return StepReport.Done("Drain", $"{name}'s workers took no new work and finished or handed back what they held");
        }

        // Not a reason to keep a box: whatever it still holds comes back to the queue when its leases run out.
        return StepReport.Already("Drain", $"not drained (exit {drained.ExitCode})") with
        {
            Warnings = [$"The server could not drain {name} ({said.Split('\n')[0]}); chunks it still runs go back to the queue when their leases run out."],
        };
    }

    private async Task<StepReport> StopAsync(WorkerBoxOptions box, CancellationToken cancellationToken)
    {
        var boxTarget = server.ForBox(box);
        var options = SetupOptions.ForTarget(boxTarget) with { ConnectTimeout = server.ConnectTimeout };
        try
        {
            using var connection = await Logins.WithKeyAsync(options, Logins.RecordedOnly(options), cancellationToken);
            var stopped = await connection.RunAsync(WorkerBoxCommands.StopBox(boxTarget), cancellationToken);
            return stopped.ExitCode == 0
                ? StepReport.Done("Stop box", $"{boxTarget.Describe()}: workers stopped{(box.ServiceManager == "systemd" ? ", unit disabled" : string.Empty)}")
                : Unreached(boxTarget, $"exit {stopped.ExitCode}: {(stopped.Error + stopped.Output).Trim()}");
        }
        catch (Exception failure) when (failure is SetupException or SshAuthenticationException)
        {
            return Unreached(boxTarget, failure.Message);
        }
    }

    private static StepReport Unreached(SshTargetOptions box, string why) =>
        StepReport.Already("Stop box", $"{box.Describe()} not stopped") with
        {
            Warnings = [$"Could not stop the box's workers ({why}); its key is revoked below, so they cannot reach the queue again."],
        };

    private void Add(List<StepReport> reports, StepReport report)
    {
        reports.Add(report);
        console.Report(report);
    }

    private SetupResult Result(List<StepReport> reports, long started) => new(reports, 0, 0, time.GetElapsedTime(started));
}
