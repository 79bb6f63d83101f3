using Renci.SshNet.Common;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// Key login to the server. When it does not work yet: one login with the account's password (asked, never
/// stored), which appends the public key to ~/.ssh/authorized_keys unless it is there; then key login again.
/// </summary>
public sealed class KeyLoginStep : ISetupStep
{
    public string Name => "Key login";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        string where = options.Target.Describe();
        if (context.Connection is not null)
        {
            return StepReport.Already(Name, $"{where} accepts {options.Target.ResolveIdentityFile()}");
        }

        string password = context.Passwords.Read($"Password of {where} (used once to install your key, not stored)")
            ?? throw new SetupException($"{where} does not accept the key yet, and there is no password to log in once and install it: run setup in a terminal, or pass the password on standard input with --password-stdin.");
        SetupConnection login;
        try
        {
            login = await Logins.WithPasswordAsync(options, password, cancellationToken);
        }
        catch (SshAuthenticationException refused)
        {
            throw new SetupException($"{where} refused the password (or allows no password login: PasswordAuthentication in its /etc/ssh/sshd_config). Nothing was changed on the server.", refused);
        }

        using (login)
        {
            var added = await login.RunAsync(SetupCommands.AuthorizeKey(context.PublicKey!), cancellationToken);
            if (added.ExitCode != 0)
            {
                throw new SetupException($"Could not add the key to ~/.ssh/authorized_keys on the server: {(added.Error + added.Output).Trim()}");
            }
        }

        try
        {
            context.Connection = await Logins.WithKeyAsync(options, Logins.RecordedOnly(options), cancellationToken);
        }
        catch (SshAuthenticationException refused)
        {
            throw new SetupException(
                $"The key is in ~/.ssh/authorized_keys on the server, but {where} still refuses it. sshd ignores keys when the home folder or ~/.ssh "
                + "can be written by others (StrictModes): run 'chmod go-w ~ ~/.ssh' there; its log (journalctl -u ssh) says why.", refused);
        }

        return StepReport.Done(Name, $"installed {options.Target.ResolveIdentityFile()}.pub in ~/.ssh/authorized_keys; key login works");
    }
}
