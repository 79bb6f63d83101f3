using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>One complete way of reading a phrase as an intent, scored, with its parsed slots or the first slot error.</summary>
internal sealed record Reading(IntentDefinition Intent, MatchState State, double Confidence, IReadOnlyDictionary<string, SlotValue> Slots, IReadOnlyList<string> Notes, string? Error)
{
    public bool IsBetterThan(Reading other) =>
        (Error is null) != (other.Error is null)
            ? Error is null
            : Confidence != other.Confidence ? Confidence > other.Confidence : State.Literals > other.State.Literals;
}
