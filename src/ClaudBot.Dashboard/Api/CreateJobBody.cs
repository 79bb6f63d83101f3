namespace ClaudBot.Dashboard.Api;

/// <summary>
/// The body of <c>POST /api/jobs</c>: <c>{"strategies":"rsi,macd","symbols":["TCS","INFY"],"from":"2021-01-01","to":"2023-12-31","cost_bps":10}</c>,
/// or with a cost model and execution: <c>"costs":"zerodha-delivery","slippage_bps":5,"size":"pct:10","whole_shares":true</c>,
/// and exits for every strategy, in percent: <c>"stop":5,"target":12,"trail":8</c>; a walk-forward of the strategies' grid:
/// <c>"walk_forward":{"in":"2 years","out":"6 months","step":"6 months","anchored":false,"objective":"sharpe","min_trades":5}</c>;
/// or every parameter set as one portfolio of all the symbols, per positions count (docs/portfolio.md):
/// <c>"portfolio":{"max_positions":[5,10,20],"rank":"strength","size":"slots","per_symbol":{"SBIN":"macd"}}</c> (then <c>size</c> is left out).
/// Dates are ISO <c>YYYY-MM-DD</c>; a missing field takes the configured default; <c>costs</c> and <c>cost_bps</c> exclude each other.
/// </summary>
/// <param name="SubmittedBy">Who asked, for the job list and the audit (the bot sends its user); default <c>dashboard</c>.</param>
/// <param name="Costs">A cost model's name: <c>bps:N</c>, <c>zerodha-delivery</c>, <c>zerodha-intraday</c>, or one of the node's files.</param>
/// <param name="Size"><c>all</c>, <c>pct:P</c> or <c>amount:A</c>.</param>
public sealed record CreateJobBody(
    string? Strategies,
    IReadOnlyList<string>? Symbols,
    string? From,
    string? To,
    double? CostBps,
    string? SubmittedBy = null,
    string? Costs = null,
    double? SlippageBps = null,
    string? Size = null,
    bool? WholeShares = null,
    double? Stop = null,
    double? Target = null,
    double? Trail = null,
    Cluster.Jobs.WalkForwardText? WalkForward = null,
    Cluster.Jobs.PortfolioJobText? Portfolio = null)
{
    /// <summary>The exits asked for, as fractions (the body gives percents).</summary>
    public Engine.Simulation.ExitRules Exits => new(Stop / 100, Target / 100, Trail / 100);
}
