using System.Diagnostics;
using System.Net.Sockets;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>Connects from the host side to see whether a port in the namespace accepts or refuses.</summary>
internal static class TcpProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static Task WaitUntilAcceptingAsync(string address, int port, TimeSpan timeout, CancellationToken ct) =>
        WaitUntilAsync(address, port, accepting: true, timeout, ct);

    public static Task WaitUntilRefusedAsync(string address, int port, TimeSpan timeout, CancellationToken ct) =>
        WaitUntilAsync(address, port, accepting: false, timeout, ct);

    /// <summary>True when a TCP connection is accepted within a second, false when refused or unanswered.</summary>
    public static async Task<bool> AcceptsAsync(string address, int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(address, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(string address, int port, bool accepting, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await AcceptsAsync(address, port, ct) != accepting)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{address}:{port} still {(accepting ? "refuses" : "accepts")} connections after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, ct);
        }
    }
}
