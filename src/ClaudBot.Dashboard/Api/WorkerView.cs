namespace ClaudBot.Dashboard.Api;

/// <summary>A live worker: its slots, how many are busy, and seconds since its last heartbeat.</summary>
public sealed record WorkerView(string Id, string Host, int Pid, int Slots, int Busy, double HeartbeatAgeSeconds, DateTimeOffset StartedAt);
