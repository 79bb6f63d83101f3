namespace ClaudBot.Targets;

/// <summary>The cluster is not running, so jobs cannot be queued or read.</summary>
public sealed class ClusterDownException : ClusterTargetException
{
    public ClusterDownException()
        : base("The cluster is not running. Type 'start cluster' first.")
    {
    }

    public ClusterDownException(string message)
        : base(message)
    {
    }

    public ClusterDownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
