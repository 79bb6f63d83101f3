namespace ClaudBot.Dashboard.Api;

/// <summary>
/// The body of <c>POST /api/portfolio</c>: <c>{"strategy":"rsi","symbols":["TCS","INFY"],"from":"2021-01-01","to":"2024-12-31","max_positions":2}</c>,
/// with optional <c>rank</c> (<c>strength</c> or <c>momentum(N)</c>), <c>size</c> (<c>slots</c>, <c>pct:P</c>, <c>amount:A</c>)
/// and the execution of a job (<c>costs</c>, <c>slippage_bps</c>, <c>whole_shares</c>, <c>stop</c>, <c>target</c>, <c>trail</c> in percent);
/// <c>per_symbol</c> gives some symbols a strategy of their own: <c>{"SBIN":"macd","LT":"rsi(period=7)"}</c>.
/// </summary>
public sealed record PortfolioBody(
    string? Strategy,
    IReadOnlyList<string>? Symbols,
    string? From,
    string? To,
    int? MaxPositions = null,
    string? Rank = null,
    string? Size = null,
    string? Costs = null,
    double? SlippageBps = null,
    bool? WholeShares = null,
    double? Stop = null,
    double? Target = null,
    double? Trail = null,
    IReadOnlyDictionary<string, string>? PerSymbol = null)
{
    /// <summary>When the body names none: ten slots, as a trader's first try.</summary>
    public const int DefaultMaxPositions = 10;

    /// <summary>The exits asked for, as fractions (the body gives percents).</summary>
    public Engine.Simulation.ExitRules Exits => new(Stop / 100, Target / 100, Trail / 100);
}
