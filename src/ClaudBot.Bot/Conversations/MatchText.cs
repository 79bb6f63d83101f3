using System.Globalization;
using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.Conversations;

/// <summary>How the bot tells the user what it understood: the intent in words and its slots' values.</summary>
internal static class MatchText
{
    public static string Title(string intent) => char.ToUpperInvariant(intent[0]) + intent[1..].Replace('_', ' ');

    /// <summary><c>Submit cluster job (strategies: rsi; symbols: TCS; period: 2020-01-01 to 2024-12-31)</c>.</summary>
    public static string Describe(IntentMatch match)
    {
        string title = Title(match.Intent ?? "nothing");
        return match.Slots.Count == 0 ? title : $"{title} ({string.Join("; ", match.Slots.Values.Select(s => $"{s.Name}: {Value(s)}"))})";
    }

    /// <summary>A slot's value as understood (canonical), not as typed.</summary>
    public static string Value(SlotValue slot) => slot switch
    {
        { StrategyText: { } strategies } => strategies,
        { Symbols: { } symbols } => string.Join(",", symbols),
        { Period: { } period } => string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}"),
        { Job: { } job } => job,
        { Number: { } number } => number.ToString(CultureInfo.InvariantCulture),
        { Choice: { } choice } => choice,
        _ => slot.Text,
    };

    public static IReadOnlyDictionary<string, string> Slots(IntentMatch? match) =>
        match?.Slots.Values.ToDictionary(s => s.Name, Value, StringComparer.Ordinal) ?? new Dictionary<string, string>();
}
