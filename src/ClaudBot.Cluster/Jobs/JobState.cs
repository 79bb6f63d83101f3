namespace ClaudBot.Cluster.Jobs;

/// <summary>Where a job is. Terminal states never change again.</summary>
public enum JobState
{
    Queued,
    Running,
    Completed,
    CompletedWithErrors,
    Cancelled,
}

/// <summary>The snake_case names stored in Redis and shown to users.</summary>
public static class JobStateNames
{
    public static string ToName(this JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Completed => "completed",
        JobState.CompletedWithErrors => "completed_with_errors",
        JobState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JobState Parse(string name) => name switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "completed" => JobState.Completed,
        "completed_with_errors" => JobState.CompletedWithErrors,
        "cancelled" => JobState.Cancelled,
        _ => throw new FormatException($"Unknown job state '{name}'."),
    };

    public static bool IsTerminal(this JobState state) => state is JobState.Completed or JobState.CompletedWithErrors or JobState.Cancelled;
}
