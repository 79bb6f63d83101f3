namespace ClaudBot.Bot.Notifications;

/// <summary>The kinds of alert a subscribed chat hears; each is rate-limited on its own.</summary>
public enum AlertKind
{
    /// <summary>A worker stopped sending heartbeats (its box or process is gone).</summary>
    WorkerLost,

    /// <summary>A worker box newly refused: its engine version or data differ from the server's, so it takes no work.</summary>
    BoxRefused,

    /// <summary>A job ended with failed backtests.</summary>
    JobFailed,

    /// <summary>The queue server could not be reached.</summary>
    QueueServerLost,

    /// <summary>The queue server answers again (its own kind, so the good news is never held behind the bad).</summary>
    QueueServerBack,
}
