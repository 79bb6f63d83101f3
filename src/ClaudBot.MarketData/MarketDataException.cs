namespace ClaudBot.MarketData;

/// <summary>
/// Base of the market-data errors. Messages are written for the person in the chat: they say what
/// was asked, what is wrong and, where possible, what to do instead.
/// </summary>
public class MarketDataException : Exception
{
    public MarketDataException()
    {
    }

    public MarketDataException(string message)
        : base(message)
    {
    }

    public MarketDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
