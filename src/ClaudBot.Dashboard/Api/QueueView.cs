namespace ClaudBot.Dashboard.Api;

/// <summary>Work waiting: chunks on the queue and the tasks in them.</summary>
public sealed record QueueView(int Chunks, int TasksWaiting);
