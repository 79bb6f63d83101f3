using ClaudBot.Targets;

namespace ClaudBot.Bot.NodeApi;

/// <summary>The node's API does not answer (not started, its port taken, another program there): callers fall back to the queue.</summary>
public sealed class NodeApiUnavailableException : ClusterTargetException
{
    public NodeApiUnavailableException()
    {
    }

    public NodeApiUnavailableException(string message)
        : base(message)
    {
    }

    public NodeApiUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
