namespace ClaudBot.Ssh.Setup;

/// <summary>A step could not finish. The message says why and what to do; it never holds a secret.</summary>
public sealed class SetupException : Exception
{
    public SetupException()
    {
    }

    public SetupException(string message)
        : base(message)
    {
    }

    public SetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
