namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// The network half of the second machine: a netns with lo up and a veth pair whose ends get a /30 no other
/// interface on this host uses. Only these two addresses and loopback are ever talked to.
/// </summary>
internal static class NetworkSetup
{
    /// <summary>Serialises address picking inside this process; other processes are caught by the re-check after adding.</summary>
    private static readonly SemaphoreSlim AddressLock = new(1, 1);

    public static async Task<VethSubnet> CreateAsync(FixtureNames names, CancellationToken ct)
    {
        var added = await HostCommand.RunAsync("ip", ["netns", "add", names.Namespace], ct);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(
                $"ip netns add {names.Namespace} failed ({added.Error.Trim()}); network namespaces need root with CAP_SYS_ADMIN and CAP_NET_ADMIN (a VM or a privileged container).");
        }

        await HostCommand.RunCheckedAsync(
            "ip", ["link", "add", names.HostVeth, "type", "veth", "peer", "name", names.NamespaceVeth, "netns", names.Namespace], ct: ct);
        await HostCommand.RunCheckedAsync("ip", ["-n", names.Namespace, "link", "set", "lo", "up"], ct: ct);

        await AddressLock.WaitAsync(ct);
        try
        {
            var subnet = await ClaimSubnetAsync(names, ct);
            await HostCommand.RunCheckedAsync("ip", ["link", "set", names.HostVeth, "up"], ct: ct);
            await HostCommand.RunCheckedAsync(
                "ip", ["-n", names.Namespace, "addr", "add", $"{subnet.NamespaceAddress}/30", "dev", names.NamespaceVeth], ct: ct);
            await HostCommand.RunCheckedAsync("ip", ["-n", names.Namespace, "link", "set", names.NamespaceVeth, "up"], ct: ct);
            return subnet;
        }
        finally
        {
            AddressLock.Release();
        }
    }

    /// <summary>Adds a random free /30 to the host's veth end; retries when another interface already had it.</summary>
    private static async Task<VethSubnet> ClaimSubnetAsync(FixtureNames names, CancellationToken ct)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var subnet = VethSubnet.NewRandom();
            if (await UsersOfAsync(subnet, ct) > 0)
            {
                continue;
            }

            await HostCommand.RunCheckedAsync("ip", ["addr", "add", $"{subnet.HostAddress}/30", "dev", names.HostVeth], ct: ct);
            if (await UsersOfAsync(subnet, ct) == 1)
            {
                return subnet;
            }

            // Another test process took the same /30 at the same moment: give it up and draw again.
            await HostCommand.RunAsync("ip", ["addr", "del", $"{subnet.HostAddress}/30", "dev", names.HostVeth], ct);
        }

        throw new InvalidOperationException("No free /30 in 10.213.0.0/16 after 20 draws.");
    }

    /// <summary>How many addresses on this host's interfaces fall inside the subnet.</summary>
    private static async Task<int> UsersOfAsync(VethSubnet subnet, CancellationToken ct)
    {
        string lines = await HostCommand.RunCheckedAsync("ip", ["-o", "-4", "addr", "show", "to", subnet.Network], ct: ct);
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
