namespace ClaudBot.Dashboard.Api;

/// <summary>
/// The body of <c>POST /api/schedules</c>: a job as <c>POST /api/jobs</c> takes it, with a <c>period</c> counted back from
/// each run's day instead of dates, and when it runs:
/// <c>{"strategies":"rsi","symbols":["NIFTY50"],"period":"last 1 year","every":"weekdays","at":"18:00","time_zone":"Asia/Kolkata"}</c>.
/// Exits, a walk-forward and a portfolio are refused (400 naming the field): schedules do not run them yet.
/// </summary>
/// <param name="Every"><c>daily</c>, <c>weekdays</c>, or days such as <c>mon,wed,fri</c>.</param>
/// <param name="At">The time of day, <c>HH:MM</c> on a 24-hour clock.</param>
/// <param name="TimeZone">An IANA zone; default <c>Asia/Kolkata</c>, the exchange's.</param>
/// <param name="Notify">Chats told of each fired job's end: <c>[{"channel":"telegram","chat":"12345","top":5}]</c>; top 1 to 50, left out for the usual summary.</param>
/// <param name="Period">How far back each run looks: <c>1 year</c>, <c>last 6 months</c>, <c>90 days</c>.</param>
public sealed record CreateScheduleBody(
    string? Strategies,
    IReadOnlyList<string>? Symbols,
    string? Period,
    string? Every,
    string? At,
    string? TimeZone = null,
    double? CostBps = null,
    string? SubmittedBy = null,
    string? Costs = null,
    double? SlippageBps = null,
    string? Size = null,
    bool? WholeShares = null,
    double? Stop = null,
    double? Target = null,
    double? Trail = null,
    System.Text.Json.JsonElement? WalkForward = null,
    System.Text.Json.JsonElement? Portfolio = null,
    IReadOnlyList<Cluster.Notifications.JobFollower>? Notify = null)
{
    /// <summary>
    /// The first field a job takes that a schedule does not run yet (exits, a walk-forward, a portfolio), or null: a
    /// schedule that quietly ran without them would answer another question than the one asked.
    /// </summary>
    public string? Unsupported() =>
        Stop is not null ? "stop" : Target is not null ? "target" : Trail is not null ? "trail"
        : WalkForward is not null ? "walk_forward" : Portfolio is not null ? "portfolio" : null;
}
