namespace ClaudBot.Cluster.Platform;

/// <summary>Whether a pid still belongs to a claudbot-node process: pids are reused after a crash.</summary>
public interface IProcessProbe
{
    bool IsClaudBotNode(int pid);
}
