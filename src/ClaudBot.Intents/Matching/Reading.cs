using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>One complete way of reading a phrase as an intent, scored, with its parsed slots or the first slot error.</summary>
internal sealed record Reading(IntentDefinition Intent, MatchState State, double Confidence, IReadOnlyDictionary<string, SlotValue> Slots, IReadOnlyList<string> Notes, string? Error)
{
    /// <summary>Slots whose text was rejected, by name, with an excerpt of that text; they never take a default.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The reading that explains more of the phrase wins; at equal cover a valid one beats one with a
    /// rejected slot. So a value the user typed wrongly ("keep 20000") is reported, never skipped over
    /// in favour of a default.
    /// </summary>
    public bool IsBetterThan(Reading other) =>
        Confidence != other.Confidence
            ? Confidence > other.Confidence
            : (Error is null) != (other.Error is null) ? Error is null : State.Literals > other.State.Literals;
}
