namespace ClaudBot.Dashboard.Api;

/// <summary>
/// The body of <c>POST /api/jobs</c>: <c>{"strategies":"rsi,macd","symbols":["TCS","INFY"],"from":"2021-01-01","to":"2023-12-31","cost_bps":10}</c>.
/// Dates are ISO <c>YYYY-MM-DD</c>; a missing cost takes the configured default.
/// </summary>
/// <param name="SubmittedBy">Who asked, for the job list and the audit (the bot sends its user); default <c>dashboard</c>.</param>
public sealed record CreateJobBody(string? Strategies, IReadOnlyList<string>? Symbols, string? From, string? To, double? CostBps, string? SubmittedBy = null);
