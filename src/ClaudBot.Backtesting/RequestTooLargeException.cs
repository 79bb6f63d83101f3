namespace ClaudBot.Backtesting;

/// <summary>A request for more backtests than the task cap allows; refused before any work starts.</summary>
public sealed class RequestTooLargeException : Exception
{
    public RequestTooLargeException(string message)
        : base(message)
    {
    }

    public RequestTooLargeException()
    {
    }

    public RequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
