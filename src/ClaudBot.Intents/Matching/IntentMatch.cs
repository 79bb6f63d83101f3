namespace ClaudBot.Intents.Matching;

/// <summary>
/// What a phrase means: the intent (null when nothing matched well enough), how sure, where the answer
/// came from (<c>pattern</c>, <c>semantic</c> or <c>llm</c>: the tier that answered), its slots, the required slots still missing, the slots that
/// took their defaults, and what to tell the user (typos forgiven, near ties, a slot's error, help).
/// </summary>
public sealed record IntentMatch(
    string? Intent,
    double Confidence,
    string Source,
    IReadOnlyDictionary<string, SlotValue> Slots,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Defaulted,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>
    /// Why a slot was rejected (e.g. an unknown or unsafe symbol); the intent must not run. One line; for a written
    /// rule the line is followed by its caret block (the rule, then '^' under the error's column), to show in a fixed-width font.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>
    /// Slots the phrase gave a value for that was rejected, by name, with an excerpt of the text given
    /// ("keep -1" gives <c>keep: "-1"</c>). Such a slot never takes its default: the reading shows what the
    /// user said, and <see cref="Error"/> says why it is refused.
    /// </summary>
    public IReadOnlyDictionary<string, string> Invalid { get; init; } = new Dictionary<string, string>();

    /// <summary>Other intents scoring within a hair of this one: the bot asks which was meant.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Notes from the slots (aliases followed, e.g. HDFC → HDFCBANK).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsActionable => Intent is not null && Error is null && Missing.Count == 0 && Alternatives.Count == 0;

    public static IntentMatch None(IReadOnlyList<string> suggestions) =>
        new(null, 0, "pattern", new Dictionary<string, SlotValue>(), [], [], suggestions);
}
