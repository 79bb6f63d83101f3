using ClaudBot.Cluster;
using ClaudBot.Cluster.Status;
using ClaudBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Node.Daemon;

/// <summary>The pid files of this box's node, in the run folder the settings name (the home's <c>state/run</c> by default).</summary>
internal static class NodePids
{
    public static NodePidFiles ForThisNode() =>
        new(ClaudBotHost.CreateBuilder().Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions());
}
