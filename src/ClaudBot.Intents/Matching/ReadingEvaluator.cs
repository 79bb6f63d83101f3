using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Scores a pattern match and parses its slots, remembering each parsed span: the same words tried as
/// the same slot in another reading are not parsed twice.
/// </summary>
internal sealed class ReadingEvaluator(IReadOnlyList<Token> tokens, SlotParser parser, DateOnly today)
{
    private readonly Dictionary<(SlotDefinition Slot, int Start, int Length), (SlotValue? Value, string? Error, string[] Notes)> _parsed = [];

    public Reading Evaluate(IntentDefinition intent, MatchState state)
    {
        var slots = new Dictionary<string, SlotValue>(StringComparer.Ordinal);
        var notes = new List<string>();
        string? error = null;
        int slotWords = 0;
        foreach (var capture in state.Captures)
        {
            // A slot's words count towards the reading even when its value is rejected: "backtest rsi on
            // TCS;rm" is clearly a backtest, and the user should hear why its symbol was refused.
            slotWords += capture.Length;
            var (value, problem, slotNotes) = Parse(intent.Slot(capture.Name)!, capture);
            if (value is null)
            {
                error ??= problem;
                continue;
            }

            slots[capture.Name] = value;
            notes.AddRange(slotNotes);
        }

        double confidence = (state.LiteralScore + slotWords) / tokens.Count;
        return new Reading(intent, state, confidence, slots, notes, error);
    }

    private (SlotValue? Value, string? Error, string[] Notes) Parse(SlotDefinition slot, SlotSpan span)
    {
        var key = (slot, span.Start, span.Length);
        if (!_parsed.TryGetValue(key, out var result))
        {
            string text = string.Join(' ', tokens.Skip(span.Start).Take(span.Length).Select(t => t.Text));
            var notes = new List<string>();
            var value = parser.Parse(slot, text, today, notes, out string? error);
            result = (value, error, [.. notes]);
            _parsed[key] = result;
        }

        return result;
    }
}
