using System.Net;
using System.Net.Sockets;

namespace ClaudBot.Testing;

public static class TestPorts
{
    // Below Linux's ephemeral range (32768-60999 by default). A port the kernel hands out for "port 0" comes from that range,
    // and so does the local port of every outgoing connection: with several test assemblies connecting to their servers at
    // once, a port picked "free" that way was once the local end of someone's connection by the time a child node bound it
    // (the node then ran without its dashboard). Ports below the range are only ever taken by an explicit bind.
    private const int Lowest = 20_000;
    private const int Highest = 32_000;
    private const int Tries = 100;

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A loopback port that was free a moment ago, outside the kernel's ephemeral range, never handed out twice by this process.</summary>
    public static int Free()
    {
        lock (Gate)
        {
            for (int attempt = 0; attempt < Tries; attempt++)
            {
                int port = Random.Shared.Next(Lowest, Highest);
                if (!HandedOut.Contains(port) && CanListenOn(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        // Everything tried was taken: fall back to a port of the kernel's choosing.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool CanListenOn(int port)
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
}
