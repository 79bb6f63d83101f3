using System.Net.Sockets;
using ClaudBot.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace ClaudBot.Ssh;

/// <summary>
/// One SSH connection to the server, opened on first use and again after it drops: key authentication,
/// the host key checked against <see cref="KnownHosts"/> (SSH.NET trusts any key unless told not to),
/// keep-alives, a local port forward to the node's Redis, and SFTP for results files. Every failure
/// becomes a <see cref="ClusterTargetException"/> that says what happened and what to do.
/// </summary>
public sealed partial class SshSession(IOptions<SshTargetOptions> options, ILogger<SshSession> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;
    private readonly SshTargetOptions _options = options.Value;
    private SshClient? _ssh;
    private SftpClient? _sftp;
    private OpenSshTunnel? _tunnelInstance;
    private OpenSshTunnel? _apiTunnelInstance;
    private HostKeyCheck? _hostKey;

    public string Description => _options.Describe();

    private OpenSshTunnel Tunnel => _tunnelInstance ??= new OpenSshTunnel(_options, _options.RedisPort);

    // The node's API on a port of its own here: the dashboard's forward may sit on the same port as a local node's.
    private OpenSshTunnel ApiTunnel => _apiTunnelInstance ??= new OpenSshTunnel(_options, _options.DashboardPort);

    public SshTargetOptions Options => _options;

    private ResiliencePipeline Reconnect { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(250),
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder().Handle<SocketException>().Handle<SshConnectionException>(e => !e.Message.Contains("Host key", StringComparison.Ordinal)),
        })
        .Build();

    /// <summary>Runs one of the fixed <see cref="RemoteCommand"/>s and returns its exit code and output.</summary>
    public async Task<RemoteResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var ssh = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CommandTimeout);
        using var run = ssh.CreateCommand(command.Text);
        try
        {
            await run.ExecuteAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterTargetException($"'{command.Name}' on {Description} did not finish within {_options.CommandTimeout.TotalSeconds:0} s.");
        }
        catch (Exception lost) when (lost is SshConnectionException or SocketException or ObjectDisposedException)
        {
            await DropAsync().ConfigureAwait(false);
            throw new ClusterTargetException($"The connection to {Description} was lost during '{command.Name}' ({lost.Message}). Try again.", lost);
        }

        return new RemoteResult(run.ExitStatus ?? -1, run.Result, run.Error);
    }

    /// <summary>The local port (on 127.0.0.1) forwarded to the node's Redis on the server's loopback.</summary>
    /// <summary>The local port of a tunnel to the node's API (the dashboard's port on the server's loopback).</summary>
    public async Task<int> ApiTunnelAsync(CancellationToken cancellationToken)
    {
        await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ApiTunnel.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> RedisTunnelAsync(CancellationToken cancellationToken)
    {
        // Connecting first checks the host key and the login, with this session's clear errors.
        await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Tunnel.EnsureAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Opens a file on the server for reading (results files), over SFTP.</summary>
    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sftp is not { IsConnected: true })
            {
                _sftp?.Dispose();
                _sftp = new SftpClient(Connection());
                _sftp.HostKeyReceived += PinnedHostKey().OnHostKeyReceived;
                await _sftp.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }

            return await _sftp.OpenAsync(path, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException missing)
        {
            throw new ClusterTargetException($"{path} is not on {Description} (cleaned up?).", missing);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await DropAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>Connects now (if not connected), forwarding the dashboard; the same errors as any request.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken) => ConnectedAsync(cancellationToken);

    private async Task<SshClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ssh is { IsConnected: true })
            {
                return _ssh;
            }

            DisposeClients();
            var connection = Connection();
            SshClient? ssh = null;
            try
            {
                // A dropped network or an sshd restarting gets two quick retries; a refused key or host key never does.
                ssh = await Reconnect.ExecuteAsync(
                    async ct =>
                    {
                        _hostKey = PinnedHostKey();
                        var client = new SshClient(connection) { KeepAliveInterval = _options.KeepAliveInterval };
                        client.HostKeyReceived += _hostKey.OnHostKeyReceived;
                        try
                        {
                            await client.ConnectAsync(ct).ConfigureAwait(false);
                            return client;
                        }
                        catch
                        {
                            client.Dispose();
                            throw;
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Explain(failure);
            }

            _ssh = ssh;
            LogConnected(logger, Description);
            return ssh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ConnectionInfo Connection()
    {
        string identity = _options.ResolveIdentityFile();
        if (!File.Exists(identity))
        {
            throw new ClusterTargetException($"The SSH key {identity} does not exist. Run 'claudbot setup --host {_options.Host} --user {_options.User}' or set Target:Ssh:IdentityFile.");
        }

        PrivateKeyFile key;
        try
        {
            key = new PrivateKeyFile(identity);
        }
        catch (Exception unreadable) when (unreadable is SshException or IOException or InvalidOperationException)
        {
            throw new ClusterTargetException($"The SSH key {identity} cannot be read ({unreadable.Message}); it must be an OpenSSH private key without a passphrase.", unreadable);
        }

        return new ConnectionInfo(_options.Host, _options.Port, _options.User, new PrivateKeyAuthenticationMethod(_options.User, key)) { Timeout = _options.ConnectTimeout };
    }

    // Only the key recorded for this host is trusted; a host never seen was not set up (setup records it after asking).
    private HostKeyCheck PinnedHostKey() => new(new KnownHosts(_options.ResolveKnownHostsFile()), _options.Host, _options.Port, acceptNew: _ => false);

    private string? HostKeyRefusal() => _hostKey switch
    {
        { Changed: true } check => check.ChangedMessage(),
        { Recorded: null, Seen: { } seen } => $"{_options.Host} is not in {_options.ResolveKnownHostsFile()} (its key is {KnownHosts.Fingerprint(seen.Key)} {seen.Type}). Run 'claudbot setup --host {_options.Host} --user {_options.User}' to check and record it.",
        _ => null,
    };

    private ClusterTargetException Explain(Exception failure) => failure switch
    {
        SshConnectionException when HostKeyRefusal() is { } refusal => new ClusterTargetException(refusal, failure),
        SshAuthenticationException => new ClusterTargetException($"{Description} refused the key {_options.ResolveIdentityFile()} ({failure.Message}). Run 'claudbot setup' to install it.", failure),
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new ClusterTargetException($"{Description} refused the connection: is sshd running there (port {_options.Port})?", failure),
        SocketException or SshOperationTimeoutException or OperationCanceledException => new ClusterTargetException($"{Description} is not reachable ({failure.Message}). Is it on and on the network?", failure),
        ClusterTargetException target => target,
        _ => new ClusterTargetException($"Could not connect to {Description}: {failure.Message}", failure),
    };

    private async Task DropAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            DisposeClients();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void DisposeClients()
    {
        _tunnelInstance?.Dispose();
        _apiTunnelInstance?.Dispose();
        _sftp?.Dispose();
        _sftp = null;
        _ssh?.Dispose();
        _ssh = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Server}")]
    private static partial void LogConnected(ILogger logger, string server);
}
