using System.Globalization;
using ClaudBot.Cluster.Platform;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// The node's background processes on this box, one pid file each in the run folder
/// (<see cref="ClusterOptions.RunDirectory"/>): <c>driver.pid</c>, <c>worker-1.pid</c>, ..., or <c>node.pid</c>
/// for a whole node run in the foreground by systemd. Shared by <c>claudbot-node</c> and the client's local target.
/// </summary>
public sealed class NodePidFiles(string folder, IProcessProbe probe)
{
    /// <summary>The pid files of the node configured by <paramref name="options"/>, checked with this platform's probe.</summary>
    public NodePidFiles(ClusterOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).ResolveRunDirectory(), ProcessProbe.ForThisPlatform())
    {
    }

    public string Folder => folder;

    public void Write(string name, int pid)
    {
        PrivateFiles.CreateDirectory(folder);
        PrivateFiles.WriteAllText(Path.Combine(folder, name + ".pid"), pid.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Every pid file: its name (<c>driver</c>, <c>worker-1</c>), the pid, and whether that process is a live claudbot-node.</summary>
    public IReadOnlyList<NodeProcessStatus> Read()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var found = new List<NodeProcessStatus>();
        foreach (string file in Directory.GetFiles(folder, "*.pid").Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(file).Trim();
            }
            catch (IOException)
            {
                // Deleted by a 'stop' between the listing and the read.
                continue;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                found.Add(new NodeProcessStatus(Path.GetFileNameWithoutExtension(file), pid, probe.IsClaudBotNode(pid)));
            }
        }

        return found;
    }

    public void Delete(string name) => File.Delete(Path.Combine(folder, name + ".pid"));
}
