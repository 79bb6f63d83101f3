namespace ClaudBot.MarketData.Update;

/// <summary>A source could not be reached at all (no route, no name, refused, timed out): the machine is offline, or the source is down.</summary>
public sealed class SourceUnreachableException : MarketDataException
{
    public SourceUnreachableException(string host, string reason, Exception inner)
        : base($"cannot reach {host} ({reason})", inner)
    {
        Host = host;
        Reason = reason;
    }

    public string Host { get; }

    public string Reason { get; }
}
