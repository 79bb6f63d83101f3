namespace ClaudBot.Ssh.Setup;

/// <summary>The server showed a new host key that was not (yet) trusted: the user is asked, then setup connects again.</summary>
internal sealed class HostKeyNotTrustedException : Exception
{
    public HostKeyNotTrustedException()
    {
    }

    public HostKeyNotTrustedException(string message)
        : base(message)
    {
    }

    public HostKeyNotTrustedException(Exception innerException)
        : base("The server's host key is not trusted yet.", innerException)
    {
    }

    public HostKeyNotTrustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
