namespace ClaudBot.Cluster.Portfolio;

/// <summary>Why a job has no portfolio report to show, in one line a user can act on.</summary>
public sealed class PortfolioReportException : Exception
{
    public PortfolioReportException()
    {
    }

    public PortfolioReportException(string message)
        : base(message)
    {
    }

    public PortfolioReportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
