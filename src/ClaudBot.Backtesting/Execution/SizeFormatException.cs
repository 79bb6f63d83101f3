namespace ClaudBot.Backtesting.Execution;

/// <summary>A size that is not <c>all</c>, <c>pct:P</c> or <c>amount:A</c> (a <see cref="FormatException"/>, so every channel shows it as an input error).</summary>
public sealed class SizeFormatException : FormatException
{
    public SizeFormatException(string message)
        : base(message)
    {
    }

    public SizeFormatException()
    {
    }

    public SizeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
