namespace ClaudBot.Dashboard.Api;

/// <summary>The body of <c>/healthz</c>: <c>ok</c> or <c>unavailable</c>, with why.</summary>
public sealed record HealthView(string Status, string? Detail);
