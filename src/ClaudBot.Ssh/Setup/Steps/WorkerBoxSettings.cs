using System.Text.Json.Nodes;
using ClaudBot.Cluster.QueueTunnel;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// What makes a node a worker box, in its appsettings.json: the queue at the tunnel's end on the box's loopback, the
/// tunnel itself (section <c>QueueTunnel</c>), and the box's name for its workers.
/// </summary>
internal static class WorkerBoxSettings
{
    /// <summary>The tunnel from the box being set up to its server's queue, the box's files named from its home.</summary>
    public static QueueTunnelOptions Tunnel(SetupContext context)
    {
        var server = context.Options.Server!;
        string home = context.Server.Home.TrimEnd('/');
        return new QueueTunnelOptions
        {
            Host = server.Host,
            User = server.User,
            Port = server.Port,
            IdentityFile = $"{home}/{WorkerBoxCommands.KeyPath}",
            KnownHostsFile = $"{home}/{WorkerBoxCommands.KnownHostsPath}",
            RemotePort = server.RedisPort,
            LocalPort = server.RedisPort,
        };
    }

    /// <summary>Sets the keys a worker box owns in <paramref name="settings"/>; returns where its queue is, for the report.</summary>
    public static string Apply(SetupContext context, JsonObject settings)
    {
        var tunnel = Tunnel(context);
        JsonSettings.Section(settings, "Redis")["ConnectionString"] = $"127.0.0.1:{tunnel.LocalPort}";
        string box = WorkerBoxOptions.BoxName(context.Options.Host);
        var cluster = JsonSettings.Section(settings, "Cluster");
        cluster["WorkerName"] = box;
        cluster["BoxName"] = box;
        var section = JsonSettings.Section(settings, QueueTunnelOptions.Section);
        section["Host"] = tunnel.Host;
        section["User"] = tunnel.User;
        section["Port"] = tunnel.Port;
        section["IdentityFile"] = tunnel.IdentityFile;
        section["KnownHostsFile"] = tunnel.KnownHostsFile;
        section["RemotePort"] = tunnel.RemotePort;
        section["LocalPort"] = tunnel.LocalPort;
        return $"the server's queue through an SSH tunnel, 127.0.0.1:{tunnel.LocalPort} -> {tunnel.Describe()}, box {box}";
    }
}
