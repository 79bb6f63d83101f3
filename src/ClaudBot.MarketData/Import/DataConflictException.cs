namespace ClaudBot.MarketData.Import;

/// <summary>An import whose row for a date differs from the stored one (both shown); <c>--replace</c> takes the new one.</summary>
public sealed class DataConflictException : MarketDataException
{
    public DataConflictException(string message)
        : base(message)
    {
    }

    public DataConflictException()
    {
    }

    public DataConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
