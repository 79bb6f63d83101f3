namespace ClaudBot.Redis;

/// <summary>
/// The embedded server could not start: its port is taken, its folder is in use by another process,
/// or its saved data could not be recovered. The message says which and what to change.
/// </summary>
public sealed class EmbeddedRedisException : Exception
{
    public EmbeddedRedisException()
    {
    }

    public EmbeddedRedisException(string message)
        : base(message)
    {
    }

    public EmbeddedRedisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
