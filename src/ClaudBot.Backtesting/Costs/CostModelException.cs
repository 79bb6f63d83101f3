namespace ClaudBot.Backtesting.Costs;

/// <summary>A cost model that cannot be used: an unknown name, a bad <c>bps:N</c>, or a model file with a bad field (named in the message).</summary>
public sealed class CostModelException : Exception
{
    public CostModelException(string message)
        : base(message)
    {
    }

    public CostModelException()
    {
    }

    public CostModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
