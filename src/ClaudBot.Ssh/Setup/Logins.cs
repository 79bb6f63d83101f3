using Renci.SshNet;

namespace ClaudBot.Ssh.Setup;

/// <summary>The ways setup logs in: with the key (every connection but one), or once with the password.</summary>
internal static class Logins
{
    public static KnownHosts KnownHosts(SetupOptions options) => new(options.Target.ResolveKnownHostsFile());

    /// <summary>Only the recorded host key is trusted.</summary>
    public static HostKeyCheck RecordedOnly(SetupOptions options) => new(KnownHosts(options), options.Host, options.Port, _ => false);

    public static Task<SetupConnection> WithKeyAsync(SetupOptions options, HostKeyCheck hostKey, CancellationToken cancellationToken)
    {
        var key = new PrivateKeyFile(options.Target.ResolveIdentityFile());
        return SetupConnection.OpenAsync(options, [new PrivateKeyAuthenticationMethod(options.User, key)], hostKey, withSftp: true, cancellationToken);
    }

    /// <summary>Password login, also answering keyboard-interactive prompts (servers with PAM ask that way).</summary>
    public static Task<SetupConnection> WithPasswordAsync(SetupOptions options, string password, CancellationToken cancellationToken)
    {
        var interactive = new KeyboardInteractiveAuthenticationMethod(options.User);
        interactive.AuthenticationPrompt += (_, e) =>
        {
            foreach (var prompt in e.Prompts)
            {
                prompt.Response = password;
            }
        };
        AuthenticationMethod[] methods = [new PasswordAuthenticationMethod(options.User, password), interactive];
        return SetupConnection.OpenAsync(options, methods, RecordedOnly(options), withSftp: false, cancellationToken);
    }
}
