using ClaudBot.Engine.Text;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Scores a pattern match and parses its slots, remembering each parsed span: the same words tried as the same kind
/// of slot in another reading, of this intent or another, are not parsed twice. A match is scored without building
/// anything (<see cref="Score"/>); only the best of an intent becomes a <see cref="Reading"/>.
/// </summary>
internal sealed class ReadingEvaluator(IReadOnlyList<Token> tokens, SlotParser parser, SlotKinds kinds, SlotReadings remembered, DateOnly today)
{
    private readonly Dictionary<long, SlotReading> _parsed = new(64);
    private readonly List<string> _notes = [];

    public ReadingScore Score(IntentDefinition intent, MatchState state)
    {
        var (slotWords, valid) = SlotWords(intent, state.Captures);
        return new ReadingScore((state.LiteralScore + slotWords) / tokens.Count, valid, state.Literals);
    }

    /// <summary>
    /// The best <paramref name="state"/> could score, known before any slot is parsed: as if every slot's value were
    /// valid and weighed fully. Its sums are of whole words, so a match whose slots are all valid scores exactly this.
    /// </summary>
    public ReadingScore Bound(MatchState state)
    {
        int slotWords = 0;
        for (var capture = state.Captures; capture is not null; capture = capture.Before)
        {
            slotWords += capture.Last.Length;
        }

        return new ReadingScore((state.LiteralScore + slotWords) / tokens.Count, true, state.Literals);
    }

    // A slot's words count towards the reading even when its value is rejected: "backtest rsi on
    // TCS;rm" is clearly a backtest, and the user should hear why its symbol was refused.
    private (double SlotWords, bool Valid) SlotWords(IntentDefinition intent, Captures? captures)
    {
        if (captures is null)
        {
            return (0, true);
        }

        if (captures.Scored is { } known)
        {
            return known;
        }

        var (before, valid) = SlotWords(intent, captures.Before);
        var parsed = Parse(intent, captures.Last);
        var scored = (before + (captures.Last.Length * parsed.Weight), valid && parsed.Value is not null);
        captures.Scored = scored;
        return scored;
    }

    public Reading Evaluate(IntentDefinition intent, MatchState state)
    {
        var slots = new Dictionary<string, SlotValue>(StringComparer.Ordinal);
        var notes = new List<string>();
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        string? error = null;
        foreach (var capture in Captures.InOrder(state.Captures))
        {
            var parsed = Parse(intent, capture);
            if (parsed.Value is null)
            {
                error ??= parsed.Error;
                rejected.TryAdd(capture.Name, UserText.Excerpt(parsed.Text));
                continue;
            }

            slots[capture.Name] = parsed.Value;
            notes.AddRange(parsed.Notes);
        }

        return new Reading(intent, state, Score(intent, state).Confidence, slots, notes, error) { Rejected = rejected };
    }

    // A job "id" made only of letters ("clenup") is weak evidence: any six-letter word parses as one, so
    // it must not outscore a keyword read through a typo.
    // A rejected value counts for less than a keyword read through a typo (0.8): "shwo worker logs" is
    // "show", not a number of lines called "shwo"; a number slot holding no digit at all, less still.
    private static double Weight(SlotValue? value, SlotDefinition slot, string text) => value switch
    {
        { Type: SlotType.Job, Job: { } job } when job != "last" && !job.Any(char.IsAsciiDigit) => 0.6,
        null when slot.Type is SlotType.WholeNumber or SlotType.WholeNumbers or SlotType.Length && !text.Any(char.IsAsciiDigit) => 0.5,

        // One word with no digit that is no period ("drawdowns of job pbbhkm") is likelier a letters-only job id (0.6).
        null when slot.Type == SlotType.Period && !text.Any(char.IsAsciiDigit) && !text.Contains(' ', StringComparison.Ordinal) => 0.5,

        // The execution slot trails a phrase, so it is offered the end of every period ("to 2019-01-01"): words that say
        // nothing of costs must not outscore the period's own error.
        null when slot.Type == SlotType.Execution && !ExecutionSlot.MentionsExecution(text) => 0.3,
        null => 0.7,
        _ => 1,
    };

    private SlotReading Parse(IntentDefinition intent, SlotSpan span)
    {
        var slot = intent.Slot(span.Name)!;
        long key = ((long)kinds.Of(slot) << 40) | ((long)span.Start << 20) | (uint)span.Length;
        if (!_parsed.TryGetValue(key, out var result))
        {
            string text = Text(span);
            result = remembered.Find(kinds.Of(slot), today, text) ?? Read(slot, text);
            _parsed[key] = result;
        }

        return result;
    }

    private SlotReading Read(SlotDefinition slot, string text)
    {
        _notes.Clear();
        var value = parser.Parse(slot, text, today, _notes, out string? error);
        var reading = new SlotReading(value, error, _notes.Count == 0 ? [] : [.. _notes], text, Weight(value, slot, value?.Text ?? text));
        remembered.Remember(slot, kinds.Of(slot), today, reading);
        return reading;
    }

    // The words as typed, one space apart, built in place (the matcher asks for hundreds of spans).
    private string Text(SlotSpan span)
    {
        if (span.Length == 1)
        {
            return tokens[span.Start].Text;
        }

        int length = span.Length - 1;
        for (int i = span.Start; i < span.Start + span.Length; i++)
        {
            length += tokens[i].Text.Length;
        }

        return string.Create(length, (Tokens: tokens, Span: span), static (chars, words) =>
        {
            int at = 0;
            for (int i = words.Span.Start; i < words.Span.Start + words.Span.Length; i++)
            {
                if (at > 0)
                {
                    chars[at++] = ' ';
                }

                words.Tokens[i].Text.AsSpan().CopyTo(chars[at..]);
                at += words.Tokens[i].Text.Length;
            }
        });
    }
}
