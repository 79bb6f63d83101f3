namespace ClaudBot.Dashboard.Api;

/// <summary>Jobs not finished, by state.</summary>
public sealed record JobCounts(int Running, int Queued);
