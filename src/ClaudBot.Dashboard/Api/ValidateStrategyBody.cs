namespace ClaudBot.Dashboard.Api;

/// <summary>The body of <c>POST /api/strategies/validate</c>: <c>{"strategy":"buy when rsi(2) &lt; 10, sell when rsi(2) &gt; 70"}</c>.</summary>
/// <param name="Strategy">A rule, or a list of built-in strategies, as a job's <c>strategies</c> takes it.</param>
public sealed record ValidateStrategyBody(string? Strategy);
