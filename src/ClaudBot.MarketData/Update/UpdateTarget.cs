namespace ClaudBot.MarketData.Update;

/// <summary>One symbol to update: the days it lacks (empty: none), or why it cannot be updated.</summary>
internal sealed record UpdateTarget(string Symbol, IReadOnlyList<(DateOnly From, DateOnly To)> Missing, string? Problem = null)
{
    public bool Lacks(DateOnly day) => Missing.Any(r => r.From <= day && day <= r.To);
}
