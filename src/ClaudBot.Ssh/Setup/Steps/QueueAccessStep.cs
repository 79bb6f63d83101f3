using Renci.SshNet.Common;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// A worker box's access to the server's queue: the box's key in the server's authorized_keys, restricted to one forward
/// to the queue port on the server's loopback; the server's host key (as this client pinned it) in the box's own
/// known_hosts file; then one login from the box as its tunnel will, to prove both.
/// </summary>
public sealed class QueueAccessStep : ISetupStep
{
    public string Name => "Queue access";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = context.Options.Server!;
        var tunnel = WorkerBoxSettings.Tunnel(context);
        string line = WorkerBoxCommands.AuthorizedLine(context.BoxKey!, context.Options.Host, server.RedisPort);
        var (added, undrainWarning) = await AuthorizeAsync(context, server, line, cancellationToken);

        var (type, key) = new KnownHosts(server.ResolveKnownHostsFile()).Find(server.Host, server.Port)
            ?? throw new SetupException($"This client has no host key of the server {server.Describe()} in {server.ResolveKnownHostsFile()}: run 'claudbot setup --host {server.Host} --user {server.User}' again first.");
        string pinned = $"{KnownHosts.Name(server.Host, server.Port)} {type} {Convert.ToBase64String(key)}\n";
        bool pin = await RemoteFiles.ReadAsync(context, WorkerBoxCommands.KnownHostsPath, cancellationToken) != pinned;
        if (pin)
        {
            await RemoteFiles.WriteAsync(context, WorkerBoxCommands.KnownHostsPath, System.Text.Encoding.ASCII.GetBytes(pinned), cancellationToken);
        }

        var check = await context.Server.RunAsync(WorkerBoxCommands.CheckLogin(tunnel), cancellationToken, timeout: TimeSpan.FromSeconds(30));
        if (!check.Output.Contains("exit=", StringComparison.Ordinal) || check.Output.Contains("exit=255", StringComparison.Ordinal))
        {
            throw new SetupException($"The box could not log in to the server {server.Describe()} with its key (its ssh said: {(check.Error + check.Output).Replace("exit=255", string.Empty, StringComparison.Ordinal).Trim()}). Can the box reach {server.Host} on port {server.Port}?");
        }

        string what = $"box key accepted by {server.Describe()} for 127.0.0.1:{server.RedisPort} only; its host key {KnownHosts.Fingerprint(key)} pinned on the box";
        var report = added || pin ? StepReport.Done(Name, what) : StepReport.Already(Name, what);
        return undrainWarning is null ? report : report with { Warnings = [undrainWarning] };
    }

    // On the server, with this client's key as every other connection there.
    /// <returns>Whether the key line was added, and a warning when the box's drain flag could not be cleared.</returns>
    private static async Task<(bool Added, string? UndrainWarning)> AuthorizeAsync(SetupContext context, SshTargetOptions server, string line, CancellationToken cancellationToken)
    {
        var options = SetupOptions.ForTarget(server) with { ConnectTimeout = context.Options.ConnectTimeout };
        SetupConnection connection;
        try
        {
            connection = await Logins.WithKeyAsync(options, Logins.RecordedOnly(options), cancellationToken);
        }
        catch (SshAuthenticationException refused)
        {
            throw new SetupException($"The server {server.Describe()} no longer accepts this client's key: run 'claudbot setup --host {server.Host} --user {server.User}' again first.", refused);
        }

        using (connection)
        {
            var result = await connection.RunAsync(WorkerBoxCommands.AuthorizeBox(line, context.Options.Host), cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new SetupException($"Could not add the box's key to ~/.ssh/authorized_keys on the server: {(result.Error + result.Output).Trim()}");
            }

            var undrained = await connection.RunAsync(WorkerBoxCommands.Undrain(server, context.Options.Host), cancellationToken);
            string? warning = undrained.ExitCode == 0
                ? null
                : $"Could not clear a drain flag of {context.Options.Host} on the server ({(undrained.Error + undrained.Output).Trim().Split('\n')[0]}): if this box was removed before, run 'claudbot-node undrain {context.Options.Host}' there once the cluster runs.";
            return (result.Output.Trim() == "added", warning);
        }
    }
}
