namespace ClaudBot.Cluster.Results;

/// <summary>A job's timings from its results file: waiting in the queue, running, and both together.</summary>
public readonly record struct ResultsTimings(double QueuedSeconds, double RunSeconds, double TotalSeconds);
