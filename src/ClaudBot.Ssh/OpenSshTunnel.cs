using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClaudBot.Targets;

namespace ClaudBot.Ssh;

/// <summary>
/// A local port forward to a port on the server's loopback (the node's Redis, the dashboard), run by the
/// OpenSSH client (<c>ssh -N -L</c>) as a child process, with the same key and the same pinned known_hosts
/// file as every other connection.
/// </summary>
/// <remarks>
/// Why not SSH.NET's ForwardedPortLocal: measured here (2026.0.0, sshd in a network namespace), the first
/// reply through it came after about 1 s, and 19 of 20 StackExchange.Redis connects through it timed out
/// at 3 s, while raw PINGs passed. OpenSSH forwards at socket speed.
/// </remarks>
/// <param name="options">The server.</param>
/// <param name="remotePort">The port on the server's loopback.</param>
/// <param name="localPort">The port on this machine's loopback; 0 picks a free one.</param>
internal sealed class OpenSshTunnel(SshTargetOptions options, int remotePort, int localPort = 0) : IDisposable
{
    private Process? _ssh;
    private int _port;

    /// <summary>The local port, starting the tunnel if it is not running (again after the connection dropped).</summary>
    public async Task<int> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ssh is { HasExited: false })
        {
            return _port;
        }

        Dispose();

        // The same local port as before when it is free, so Redis clients made earlier still point at it.
        _port = localPort != 0 ? localPort : _port != 0 && IsFree(_port) ? _port : FreePort();
        var start = new ProcessStartInfo("ssh") { RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in Arguments(_port))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _ssh = Process.Start(start) ?? throw new ClusterTargetException("Could not start the OpenSSH client ('ssh') for a tunnel.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new ClusterTargetException("The OpenSSH client ('ssh') is needed for the tunnels to the server: install openssh-client.", missing);
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < options.ConnectTimeout + TimeSpan.FromSeconds(2))
        {
            if (_ssh.HasExited)
            {
                string why = (await _ssh.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
                throw new ClusterTargetException($"The tunnel to port {remotePort} on {options.Describe()} did not open: {why}");
            }

            if (await AcceptsAsync(_port, cancellationToken).ConfigureAwait(false))
            {
                return _port;
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        Dispose();
        throw new ClusterTargetException($"The tunnel to port {remotePort} on {options.Describe()} did not open within {options.ConnectTimeout.TotalSeconds:0} s.");
    }

    public void Dispose()
    {
        if (_ssh is { } ssh)
        {
            _ssh = null;
            try
            {
                if (!ssh.HasExited)
                {
                    ssh.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // It ended on its own meanwhile.
            }

            ssh.Dispose();
        }
    }

    // Fixed options; the values come from validated settings and are passed as separate arguments, never through a shell.
    private IEnumerable<string> Arguments(int port) =>
    [
        "-N", "-T",
        "-o", "BatchMode=yes",
        "-o", "ExitOnForwardFailure=yes",
        "-o", "StrictHostKeyChecking=yes",
        "-o", $"UserKnownHostsFile={options.ResolveKnownHostsFile()}",
        "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "IdentitiesOnly=yes",
        "-o", $"ConnectTimeout={Math.Max(1, (int)options.ConnectTimeout.TotalSeconds)}",
        "-o", $"ServerAliveInterval={Math.Max(1, (int)options.KeepAliveInterval.TotalSeconds)}",
        "-o", "ServerAliveCountMax=3",
        "-i", options.ResolveIdentityFile(),
        "-p", options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-L", $"127.0.0.1:{port}:127.0.0.1:{remotePort}",
        $"{options.User}@{options.Host}",
    ];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
