using ClaudBot.Cluster.Platform;

namespace ClaudBot.Dashboard.Api;

/// <summary>The body of <c>/healthz</c>: <c>ok</c> or <c>unavailable</c>, with why, and the node's disk against its floor.</summary>
public sealed record HealthView(string Status, string? Detail, DiskStatus? Disk = null);
