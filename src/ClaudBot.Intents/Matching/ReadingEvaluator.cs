using ClaudBot.Engine.Text;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Slots;

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
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        string? error = null;
        double slotWords = 0;
        foreach (var capture in state.Captures)
        {
            // A slot's words count towards the reading even when its value is rejected: "backtest rsi on
            // TCS;rm" is clearly a backtest, and the user should hear why its symbol was refused.
            var slot = intent.Slot(capture.Name)!;
            var (value, problem, slotNotes) = Parse(slot, capture);
            slotWords += capture.Length * Weight(value, slot, value?.Text ?? Text(capture));
            if (value is null)
            {
                error ??= problem;
                rejected.TryAdd(capture.Name, UserText.Excerpt(Text(capture)));
                continue;
            }

            slots[capture.Name] = value;
            notes.AddRange(slotNotes);
        }

        double confidence = (state.LiteralScore + slotWords) / tokens.Count;
        return new Reading(intent, state, confidence, slots, notes, error) { Rejected = rejected };
    }

    // A job "id" made only of letters ("clenup") is weak evidence: any six-letter word parses as one, so
    // it must not outscore a keyword read through a typo.
    // A rejected value counts for less than a keyword read through a typo (0.8): "shwo worker logs" is
    // "show", not a number of lines called "shwo"; a number slot holding no digit at all, less still.
    private static double Weight(SlotValue? value, SlotDefinition slot, string text) => value switch
    {
        { Type: SlotType.Job, Job: { } job } when job != "last" && !job.Any(char.IsAsciiDigit) => 0.6,
        null when slot.Type == SlotType.WholeNumber && !text.Any(char.IsAsciiDigit) => 0.5,

        // The execution slot trails a phrase, so it is offered the end of every period ("to 2019-01-01"): words that say
        // nothing of costs must not outscore the period's own error.
        null when slot.Type == SlotType.Execution && !ExecutionSlot.MentionsExecution(text) => 0.3,
        null => 0.7,
        _ => 1,
    };

    private (SlotValue? Value, string? Error, string[] Notes) Parse(SlotDefinition slot, SlotSpan span)
    {
        var key = (slot, span.Start, span.Length);
        if (!_parsed.TryGetValue(key, out var result))
        {
            string text = Text(span);
            var notes = new List<string>();
            var value = parser.Parse(slot, text, today, notes, out string? error);
            result = (value, error, [.. notes]);
            _parsed[key] = result;
        }

        return result;
    }

    private string Text(SlotSpan span) => string.Join(' ', tokens.Skip(span.Start).Take(span.Length).Select(t => t.Text));
}
