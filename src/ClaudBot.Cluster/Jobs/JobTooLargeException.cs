namespace ClaudBot.Cluster.Jobs;

/// <summary>A job over the configured task cap; nothing was queued.</summary>
public sealed class JobTooLargeException : Exception
{
    public JobTooLargeException(string message)
        : base(message)
    {
    }

    public JobTooLargeException()
    {
    }

    public JobTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
