namespace ClaudBot.Cluster.Results;

/// <summary>The root properties of a results file; <see cref="Other"/> is skipped (the summary and anything newer).</summary>
internal enum HeaderField
{
    Other,
    Id,
    State,
    Spec,
    Notes,
    TasksTotal,
    TasksDone,
    TasksFailed,
    Timings,
    Results,
}
