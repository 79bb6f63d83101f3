using System.Collections.Frozen;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Text;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Patterns;
using ClaudBot.Intents.Slots;
using ClaudBot.MarketData;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Maps a phrase to the catalogue's best intent. Every pattern of every intent is tried (patterns whose
/// fixed words are absent are skipped at once); each way a pattern fits is scored by the share of the
/// phrase it explains — exact words 1, forgiven typos 0.8, slot words 1 if the slot's value is valid —
/// and the best valid reading wins. Below <see cref="Threshold"/> nothing matches; another intent within
/// <see cref="NearTie"/> makes it a question.
/// </summary>
public sealed class IntentMatcher
{
    public const double Threshold = 0.6;
    public const double NearTie = 0.05;
    private const int MaxLength = 500;
    private readonly IntentCatalog _catalog;
    private readonly SlotParser _slots;
    private readonly SlotKinds _slotKinds;
    private readonly SlotReadings _slotReadings = new();
    private readonly TimeProvider _time;
    private readonly (IntentDefinition Intent, IReadOnlyList<PatternNode> Pattern, int[][] Anchors)[] _patterns;

    // The words patterns are anchored on, each once: a phrase is checked against each word, not against each pattern's.
    private readonly string[] _anchorWords;
    private readonly FrozenDictionary<string, int> _anchorIndex;

    // For a word no pattern uses, the anchor words it is a typo of (most often none), remembered by word.
    private readonly BoundedCache<string, int[]> _typoAnchors = new(10_000);

    // Every word the patterns use: such a word typed is never read as a typo of another.
    private readonly FrozenSet<string> _vocabulary;

    public IntentMatcher(IntentCatalog catalog, IMarketData marketData, TimeProvider time)
        : this(catalog, marketData, time, null)
    {
    }

    /// <param name="saved">Rules saved under a name: a strategies slot holding one such name runs its rule.</param>
    public IntentMatcher(IntentCatalog catalog, IMarketData marketData, TimeProvider time, ISavedRules? saved)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _slots = new SlotParser(catalog, marketData, time, saved);
        _slotKinds = new SlotKinds(catalog);
        _time = time;
        var compiled = catalog.Intents.SelectMany(i => i.Compiled.Select(p => (Intent: i, Pattern: p, Anchors: Anchors(p)))).ToList();
        _anchorWords = [.. compiled.SelectMany(p => p.Anchors).SelectMany(anyOf => anyOf).Distinct(StringComparer.Ordinal)];
        _anchorIndex = _anchorWords.Select((word, index) => (word, index)).ToFrozenDictionary(a => a.word, a => a.index, StringComparer.Ordinal);
        _patterns = [.. compiled.Select(p => (p.Intent, p.Pattern, p.Anchors.Select(anyOf => anyOf.Select(w => _anchorIndex[w]).ToArray()).ToArray()))];
        _vocabulary = _patterns.SelectMany(p => PatternWords.Of(p.Pattern)).ToFrozenSet(StringComparer.Ordinal);
    }

    public IntentCatalog Catalog => _catalog;

    /// <summary>The best reading of <paramref name="text"/>.</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="today">For relative periods; null is today on the injected clock.</param>
    /// <param name="onlyIntent">Read the phrase as this intent only (the user picked it from a near tie).</param>
    public IntentMatch Match(string text, DateOnly? today = null, string? onlyIntent = null) => Match(text, today, onlyIntent, Threshold);

    /// <summary>The best reading of <paramref name="text"/> scoring at least <paramref name="threshold"/> (the semantic tier reads its guess at any score).</summary>
    internal IntentMatch Match(string text, DateOnly? today, string? onlyIntent, double threshold)
    {
        ArgumentNullException.ThrowIfNull(text);
        var day = today ?? DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        // A written rule has its own bound (the rule parser's, which says so in its own words); the rest of the phrase has this one.
        int rule = RuleSpan.Find(text)?.Length ?? 0;
        if (text.Length - rule > MaxLength || rule > MaxLength + RuleBounds.MaxLength)
        {
            return IntentMatch.None([$"That is too long for a request (over {MaxLength} characters).", .. Help()]);
        }

        var tokens = TextNormalizer.Tokenize(text, _catalog.Fillers);
        if (tokens.Count == 0)
        {
            return IntentMatch.None(Help());
        }

        NoticeDataChanges();
        var evaluator = new ReadingEvaluator(tokens, _slots, _slotKinds, _slotReadings, day);
        var best = new BestReadings(evaluator);
        var matcher = new PatternMatcher(tokens, _vocabulary, best.Offer);
        var present = AnchorsPresent(tokens, matcher);
        foreach (var (intent, pattern, anchors) in _patterns)
        {
            if ((onlyIntent is not null && intent.Name != onlyIntent) || !HasAnchors(present, anchors))
            {
                continue;
            }

            best.Intent = intent;
            matcher.Match(pattern);
        }

        var readings = best.Readings();
        var ranked = readings.OrderByDescending(r => r.Score).ToList();
        if (ranked.Count == 0 || ranked[0].Confidence < threshold)
        {
            return IntentMatch.None(Help());
        }

        var top = ranked[0];
        var alternatives = ranked.Skip(1).Where(r => r.Error is null && top.Error is null && r.Confidence >= top.Confidence - NearTie).Select(r => r.Intent.Name).ToList();
        return Complete(top, day) with { Alternatives = alternatives };
    }

    /// <summary>Fills the first missing slot of <paramref name="partial"/> from an answer to its question.</summary>
    public IntentMatch Answer(IntentMatch partial, string answer, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var intent = partial.Intent is null ? null : _catalog.Find(partial.Intent);
        if (intent is null || partial.Missing.Count == 0)
        {
            return partial;
        }

        var slot = intent.Slot(partial.Missing[0])!;
        NoticeDataChanges();
        var notes = new List<string>(partial.Notes);
        var value = _slots.Parse(slot, answer.Trim(), today ?? DateOnly.FromDateTime(_time.GetLocalNow().DateTime), notes, out string? error);
        if (value is null)
        {
            return partial with { Error = error };
        }

        var slots = new Dictionary<string, SlotValue>(partial.Slots) { [slot.Name] = value };
        return partial with { Slots = slots, Missing = [.. partial.Missing.Skip(1)], Notes = notes, Error = null };
    }

    /// <summary>The question to ask for a missing slot.</summary>
    public string Question(string intent, string slot) => _catalog.Find(intent)?.Slot(slot)?.Question ?? $"What {slot}?";

    /// <summary>
    /// A match for <paramref name="intent"/> from slot texts found another way (the LLM fallback): the same
    /// parsers, defaults and missing slots as a pattern match; the first rejected text becomes the error.
    /// </summary>
    internal IntentMatch FromSlotTexts(IntentDefinition intent, IReadOnlyDictionary<string, string> texts, DateOnly today, string source, double confidence)
    {
        var slots = new Dictionary<string, SlotValue>(StringComparer.Ordinal);
        var notes = new List<string>();
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        string? error = null;
        NoticeDataChanges();
        foreach (var slot in intent.Slots)
        {
            if (texts.TryGetValue(slot.Name, out string? text) && !string.IsNullOrWhiteSpace(text))
            {
                if (_slots.Parse(slot, text.Trim(), today, notes, out string? problem) is { } value)
                {
                    slots[slot.Name] = value;
                }
                else
                {
                    error ??= problem;
                    rejected[slot.Name] = UserText.Excerpt(text);
                }
            }
        }

        return Complete(new Reading(intent, MatchState.Empty, confidence, slots, notes, error) { Rejected = rejected }, today) with { Source = source };
    }

    private IntentMatch Complete(Reading reading, DateOnly today)
    {
        var slots = new Dictionary<string, SlotValue>(reading.Slots);
        var notes = new List<string>(reading.Notes);
        var missing = new List<string>();
        var defaulted = new List<string>();
        foreach (var slot in reading.Intent.Slots.Where(s => !slots.ContainsKey(s.Name)))
        {
            // A slot the user gave a bad value for never takes its default: that would misreport what was asked.
            if (slot.Default is { } fallback && !reading.Rejected.ContainsKey(slot.Name) && _slots.Parse(slot, fallback, today, notes, out _) is { } value)
            {
                slots[slot.Name] = value;
                defaulted.Add(slot.Name);
            }
            else if (slot.Required)
            {
                missing.Add(slot.Name);
            }
        }

        // Corrections made inside slots ("Read ... as ...") are shown with the keyword typos.
        var suggestions = Chain<Typo>.InOrder(reading.State.Typos).Select(t => $"Read \"{t.Typed}\" as \"{t.Expected}\".")
            .Concat(notes.Where(IsCorrection)).ToList();
        return new IntentMatch(reading.Intent.Name, Math.Round(reading.Confidence, 3), "pattern", slots, missing, defaulted, suggestions)
        {
            Error = reading.Error,
            Invalid = reading.Rejected,
            Notes = [.. notes.Where(n => !IsCorrection(n))],
        };
    }

    private static bool IsCorrection(string note) => note.StartsWith("Read \"", StringComparison.Ordinal);

    internal List<string> Help() =>
        ["I can run the cluster and backtests. Try: " + string.Join("; ", _catalog.Intents.SelectMany(i => i.Examples.Take(1)).Take(6)) + ". Type 'help' for everything."];

    // Slot readings remembered across phrases hold symbols and periods read from the data: forgotten with the parser's.
    private void NoticeDataChanges()
    {
        if (_slots.NoticeDataChanges())
        {
            _slotReadings.Forget();
        }
    }

    // Which anchor words the phrase holds, exactly or through a typo of a word no pattern uses.
    private bool[] AnchorsPresent(IReadOnlyList<Token> tokens, PatternMatcher matcher)
    {
        var present = new bool[_anchorWords.Length];
        for (int t = 0; t < tokens.Count; t++)
        {
            if (_anchorIndex.TryGetValue(tokens[t].Word, out int exact))
            {
                present[exact] = true;
            }

            if (matcher.IsKnown(t))
            {
                continue;
            }

            foreach (int a in _typoAnchors.GetOrAdd(tokens[t].Word, static (_, at) => at.Self.TypoAnchors(at.Matcher, at.Token), (Self: this, Matcher: matcher, Token: t)))
            {
                present[a] = true;
            }
        }

        return present;
    }

    private int[] TypoAnchors(PatternMatcher matcher, int t) =>
        [.. Enumerable.Range(0, _anchorWords.Length).Where(a => matcher.Fuzzy(t, _anchorWords[a], out bool typo) && typo)];

    private static bool HasAnchors(bool[] present, int[][] anchors)
    {
        foreach (int[] anyOf in anchors)
        {
            if (!AnyPresent(present, anyOf))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyPresent(bool[] present, int[] anyOf)
    {
        foreach (int anchor in anyOf)
        {
            if (present[anchor])
            {
                return true;
            }
        }

        return false;
    }

    // Words every match of the pattern must contain: each fixed word, and for a fixed choice whose
    // alternatives all start with a word, one of those words. A phrase missing any is not tried at all,
    // which spares the search through optional slots for most intents.
    private static string[][] Anchors(IReadOnlyList<PatternNode> pattern)
    {
        var anchors = new List<string[]>();
        foreach (var node in pattern)
        {
            if (node is WordNode word)
            {
                anchors.Add([word.Word]);
            }
            else if (node is ChoiceNode choice && choice.Alternatives.All(a => a[0] is WordNode))
            {
                anchors.Add([.. choice.Alternatives.Select(a => ((WordNode)a[0]).Word)]);
            }
        }

        return [.. anchors];
    }
}
