using Renci.SshNet.Common;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The server's host key in the client's known_hosts. On first contact the fingerprint is shown and the user
/// asked (or it must match --trust-host-key, or --yes trusts it); a key that differs from the recorded one is
/// refused with both fingerprints. Connecting also tells whether key login works already.
/// </summary>
public sealed class HostKeyStep : ISetupStep
{
    public string Name => "Host key";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var known = Logins.KnownHosts(options);
        string? expected = options.ExpectedFingerprint;
        var check = new HostKeyCheck(known, options.Host, options.Port, fingerprint => expected is not null ? fingerprint == expected : options.Yes);
        try
        {
            await ConnectAsync(context, check, cancellationToken);
        }
        catch (HostKeyNotTrustedException)
        {
            var (type, key) = check.Seen!.Value;
            string seen = KnownHosts.Fingerprint(key);
            if (expected is not null)
            {
                throw new SetupException($"The server's host key is {seen} ({type}), not {expected} as given with --trust-host-key. Nothing was changed. Check the fingerprint on the server (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and run again.");
            }

            if (!context.Console.Confirm($"First connection to {options.Host}: its host key fingerprint is {seen} ({type}). On the server, 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' shows the same if no one is in between. Trust it?"))
            {
                throw new SetupException($"The host key {seen} was not trusted, so nothing was sent. Check it on the server, then run again and answer yes (or add --trust-host-key {seen}).");
            }

            known.Record(options.Host, options.Port, type, key);
            await ConnectAsync(context, Logins.RecordedOnly(options), cancellationToken);
            return Recorded(known, options, type, key);
        }

        if (check.AcceptedNew)
        {
            var (type, key) = check.Seen!.Value;
            known.Record(options.Host, options.Port, type, key);
            return Recorded(known, options, type, key);
        }

        var (recordedType, recordedKey) = check.Recorded!.Value;
        return StepReport.Already(Name, $"{KnownHosts.Fingerprint(recordedKey)} ({recordedType}) matches {known.Path}");
    }

    private StepReport Recorded(KnownHosts known, SetupOptions options, string type, byte[] key) =>
        StepReport.Done(Name, $"recorded {KnownHosts.Fingerprint(key)} ({type}) for {KnownHosts.Name(options.Host, options.Port)} in {known.Path}");

    // A key the server does not accept yet is not a failure here: the login step installs it.
    private static async Task ConnectAsync(SetupContext context, HostKeyCheck check, CancellationToken cancellationToken)
    {
        try
        {
            context.Connection = await Logins.WithKeyAsync(context.Options, check, cancellationToken);
        }
        catch (SshAuthenticationException)
        {
            context.Connection = null;
        }
    }
}
