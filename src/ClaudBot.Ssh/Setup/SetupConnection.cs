using System.Net.Sockets;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// Setup's SSH and SFTP connection to the server, logged in with the key (or, once, with the password),
/// its host key decided by a <see cref="HostKeyCheck"/>. Failures become <see cref="SetupException"/>s that
/// say what happened; authentication failures stay <see cref="SshAuthenticationException"/> for the caller.
/// </summary>
internal sealed class SetupConnection : IDisposable
{
    private readonly SshClient _ssh;
    private readonly SftpClient? _sftp;

    private SetupConnection(SshClient ssh, SftpClient? sftp)
    {
        _ssh = ssh;
        _sftp = sftp;
    }

    /// <summary>SFTP on a second connection with the same login (when opened with it).</summary>
    public SftpClient Sftp => _sftp ?? throw new InvalidOperationException("This connection was opened without SFTP.");

    /// <summary>The user's home folder on the server (SFTP's starting folder).</summary>
    public string Home => Sftp.WorkingDirectory;

    /// <summary>Connects with the first of <paramref name="authentication"/> the server accepts, and SFTP too when <paramref name="withSftp"/>.</summary>
    public static async Task<SetupConnection> OpenAsync(
        SetupOptions options, AuthenticationMethod[] authentication, HostKeyCheck hostKey, bool withSftp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostKey);
        var info = new ConnectionInfo(options.Host, options.Port, options.User, authentication) { Timeout = options.ConnectTimeout };
        var ssh = new SshClient(info);
        var sftp = withSftp ? new SftpClient(info) { OperationTimeout = TimeSpan.FromMinutes(2) } : null;
        ssh.HostKeyReceived += hostKey.OnHostKeyReceived;
        try
        {
            await ssh.ConnectAsync(cancellationToken);
            if (sftp is not null)
            {
                sftp.HostKeyReceived += hostKey.OnHostKeyReceived;
                await sftp.ConnectAsync(cancellationToken);
            }

            return new SetupConnection(ssh, sftp);
        }
        catch (Exception failure)
        {
            sftp?.Dispose();
            ssh.Dispose();
            throw Explain(failure, options, hostKey, cancellationToken);
        }
    }

    /// <summary>Runs a fixed command; <paramref name="input"/> (a secret, for sudo) goes to its standard input, never into its text.</summary>
    public async Task<RemoteResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken, string? input = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(1));
        using var run = _ssh.CreateCommand(command.Text);
        try
        {
            var running = run.ExecuteAsync(limit.Token);

            // Only a command given input gets an input stream: SSH.NET refuses one once a quick command has
            // finished, and the commands without input never read it.
            if (input is not null)
            {
                using var stdin = run.CreateInputStream();
                await stdin.WriteAsync(Encoding.UTF8.GetBytes(input + "\n"), limit.Token);
            }

            await running;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SetupException($"'{command.Name}' on the server did not finish within {(timeout ?? TimeSpan.FromMinutes(1)).TotalSeconds:0} s.");
        }
        catch (Exception lost) when (lost is SshException or SocketException or ObjectDisposedException)
        {
            throw new SetupException($"The connection to the server was lost during '{command.Name}' ({lost.Message}). Run setup again to continue.", lost);
        }

        return new RemoteResult(run.ExitStatus ?? -1, run.Result, run.Error);
    }

    public void Dispose()
    {
        _sftp?.Dispose();
        _ssh.Dispose();
    }

    private static Exception Explain(Exception failure, SetupOptions options, HostKeyCheck hostKey, CancellationToken cancellationToken)
    {
        string where = options.Target.Describe();
        return failure switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => failure,
            SshAuthenticationException => failure,
            SshConnectionException when hostKey.Changed => new SetupException(hostKey.ChangedMessage(), failure),
            SshConnectionException when hostKey.Seen is not null && !hostKey.AcceptedNew && hostKey.Recorded is null => new HostKeyNotTrustedException(failure),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new SetupException($"{where} refused the connection: is sshd running there, on port {options.Port}? (Debian: sudo apt install openssh-server)", failure),
            SocketException or SshOperationTimeoutException or OperationCanceledException => new SetupException($"{where} is not reachable ({failure.Message}). Is it on, on the network, and is the address right?", failure),
            _ => new SetupException($"Could not connect to {where}: {failure.Message}", failure),
        };
    }
}
