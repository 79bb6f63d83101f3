using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.FollowUps;

/// <summary>
/// A backtest a chat ran, as the slots it ran with (strategies, symbols and period resolved; execution when said), and
/// the job it made (null for a single portfolio, which is answered at once, not queued): what a follow-up changes part of.
/// </summary>
public sealed record LastRequest(SlotValue Strategies, SlotValue Symbols, SlotValue Period, SlotValue? Execution, string? JobId)
{
    /// <summary>The intent it ran as: a plain backtest, a walk-forward or a portfolio; a follow-up runs as the same.</summary>
    public string Intent { get; init; } = FollowUpRequest.SubmitIntent;

    /// <summary>The intent's other slots as said (a walk-forward's lengths and objective, a portfolio's positions), kept as they were.</summary>
    public IReadOnlyDictionary<string, SlotValue> Settings { get; init; } = new Dictionary<string, SlotValue>();

    /// <summary>The slots a follow-up may change; every other slot of the reading is a setting it keeps.</summary>
    public static readonly IReadOnlySet<string> Changeable = new HashSet<string>(StringComparer.Ordinal) { "strategies", "symbols", "period", "execution" };

    /// <summary>The request <paramref name="match"/> ran: its strategies, symbols, period and execution, and its other slots as settings.</summary>
    public static LastRequest Of(IntentMatch match, SlotValue strategies, string? jobId)
    {
        ArgumentNullException.ThrowIfNull(match);
        var settings = match.Slots.Where(s => !Changeable.Contains(s.Key)).ToDictionary(StringComparer.Ordinal);
        return new LastRequest(strategies, match.Slots["symbols"], match.Slots["period"], match.Slots.GetValueOrDefault("execution"), jobId)
        {
            Intent = match.Intent ?? FollowUpRequest.SubmitIntent,
            Settings = settings,
        };
    }
}
