namespace ClaudBot.Engine.Strategies;

/// <summary>A strategy text that names an unknown strategy or parameter, or gives a bad value or grid.</summary>
public sealed class StrategySpecException : Exception
{
    public StrategySpecException(string message)
        : base(message)
    {
    }

    public StrategySpecException()
    {
    }

    public StrategySpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
