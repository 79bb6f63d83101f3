using System.Security.Cryptography;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// A cable between two <see cref="ServerHost"/>s, as two boxes on one LAN: a veth pair of its own with one end in each
/// namespace and a /30 in 10.214.0.0/16 that exists only inside them, and a route in the second to the first's address.
/// Nothing on this host changes (no forwarding); the pair goes with either namespace.
/// </summary>
internal static class HostLink
{
    /// <summary>Lets <paramref name="from"/> reach <paramref name="to"/>'s address (its sshd), and <paramref name="to"/> answer.</summary>
    public static async Task ConnectAsync(ServerHost to, ServerHost from, CancellationToken ct = default)
    {
        string id = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 6);
        string toEnd = $"cbl{id}t";
        string fromEnd = $"cbl{id}f";
        int x = RandomNumberGenerator.GetInt32(256);
        int y = RandomNumberGenerator.GetInt32(64) * 4;
        string toAddress = $"10.214.{x}.{y + 1}";
        string fromAddress = $"10.214.{x}.{y + 2}";
        await HostCommand.RunCheckedAsync(
            "ip", ["link", "add", toEnd, "netns", to.NamespaceName, "type", "veth", "peer", "name", fromEnd, "netns", from.NamespaceName], ct: ct);
        await HostCommand.RunCheckedAsync("ip", ["-n", to.NamespaceName, "addr", "add", $"{toAddress}/30", "dev", toEnd], ct: ct);
        await HostCommand.RunCheckedAsync("ip", ["-n", to.NamespaceName, "link", "set", toEnd, "up"], ct: ct);
        await HostCommand.RunCheckedAsync("ip", ["-n", from.NamespaceName, "addr", "add", $"{fromAddress}/30", "dev", fromEnd], ct: ct);
        await HostCommand.RunCheckedAsync("ip", ["-n", from.NamespaceName, "link", "set", fromEnd, "up"], ct: ct);
        await HostCommand.RunCheckedAsync("ip", ["-n", from.NamespaceName, "route", "add", $"{to.Address}/32", "via", toAddress], ct: ct);
    }
}
