namespace ClaudBot.Dashboard.Api;

/// <summary>One page of jobs, newest first. <paramref name="HasMore"/>: a further page exists.</summary>
public sealed record JobsPage(int Page, int PageSize, string? State, IReadOnlyList<JobView> Items, bool HasMore);
