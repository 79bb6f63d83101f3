namespace ClaudBot.Engine.Data;

/// <summary>A date range that is inverted or has no bars in the data.</summary>
public sealed class DateRangeException : Exception
{
    public DateRangeException(string message)
        : base(message)
    {
    }

    public DateRangeException()
    {
    }

    public DateRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
