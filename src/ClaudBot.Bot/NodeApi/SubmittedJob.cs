using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Bot.NodeApi;

/// <summary>A job the node accepted: its id, size, the spec it stored and its notes (aliases, clipping, dropped combinations).</summary>
public sealed record SubmittedJob(string Id, int TasksTotal, JobSpec Spec, IReadOnlyList<string> Notes);
