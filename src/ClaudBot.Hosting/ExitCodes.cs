namespace ClaudBot.Hosting;

/// <summary>
/// The exit codes of both programs, <c>claudbot</c> and <c>claudbot-node</c>: one table, so a script reads
/// a code the same whichever program it ran and each number means one thing. The README's "Exit codes"
/// table shows the same names and numbers (a test compares the two).
/// </summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>Tried and failed: refused, not understood, a job that did not complete, or anything unexpected.</summary>
    public const int Failed = 1;

    /// <summary>The input is wrong or incomplete (arguments, settings, a data file, a request the bot asked a question about).</summary>
    public const int BadInput = 2;

    /// <summary>The cluster, or one of its processes, is down or cannot be reached.</summary>
    public const int ClusterDown = 3;

    /// <summary>Not done because it needs a yes (stop, restart, cancel, cleanup): run again with <c>--yes</c>.</summary>
    public const int NeedsConfirmation = 4;

    /// <summary>Cancelled with Ctrl+C: 128 + SIGINT, what shells report for a program that SIGINT ended.</summary>
    public const int Cancelled = 130;
}
