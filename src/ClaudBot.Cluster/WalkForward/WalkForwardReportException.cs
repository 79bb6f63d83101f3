namespace ClaudBot.Cluster.WalkForward;

/// <summary>Why a job has no walk-forward report to show, in one line a user can act on.</summary>
public sealed class WalkForwardReportException : Exception
{
    public WalkForwardReportException()
    {
    }

    public WalkForwardReportException(string message)
        : base(message)
    {
    }

    public WalkForwardReportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
