namespace ClaudBot.Targets;

/// <summary>The cluster target could not do what was asked; the message says why and what to type instead.</summary>
public class ClusterTargetException : Exception
{
    public ClusterTargetException()
    {
    }

    public ClusterTargetException(string message)
        : base(message)
    {
    }

    public ClusterTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
