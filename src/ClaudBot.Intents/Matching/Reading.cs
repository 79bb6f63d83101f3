using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>One complete way of reading a phrase as an intent, scored, with its parsed slots or the first slot error.</summary>
internal sealed record Reading(IntentDefinition Intent, MatchState State, double Confidence, IReadOnlyDictionary<string, SlotValue> Slots, IReadOnlyList<string> Notes, string? Error)
{
    /// <summary>Slots whose text was rejected, by name, with an excerpt of that text; they never take a default.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; init; } = new Dictionary<string, string>();

    public ReadingScore Score => new(Confidence, Error is null, State.Literals);
}
