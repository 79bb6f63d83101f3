namespace ClaudBot.Engine.Portfolio;

/// <summary>Portfolio settings that cannot run (no symbols, a symbol twice, no slot, a size or ranking with no meaning): one line.</summary>
public sealed class PortfolioException : Exception
{
    public PortfolioException(string message)
        : base(message)
    {
    }

    public PortfolioException()
    {
    }

    public PortfolioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
