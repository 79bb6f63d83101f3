using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Text;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Slots;
using ClaudBot.MarketData;

namespace ClaudBot.Intents.Matching;

/// <summary>Parses a slot's text by its declared type; every type validates its own input.</summary>
internal sealed class SlotParser(IntentCatalog catalog, IMarketData marketData, TimeProvider time, ISavedRules? saved = null)
{
    /// <summary>How often the data's version is read (it looks at the data folder, which costs more than matching a short phrase).</summary>
    public static readonly TimeSpan DataCheckInterval = TimeSpan.FromSeconds(1);

    private readonly StrategyListSlot _strategies = new(catalog.Aliases.Strategies, saved);
    private readonly SymbolListSlot _symbols = new(catalog.Aliases.Symbols, catalog.Aliases.Universes, marketData);
    private readonly BoundedCache<(int Day, string Text), (bool Ok, DateSpan Period, string? Note, string? Error)> _periods = new(10_000);
    private readonly BoundedCache<string, (bool Ok, ExecutionPhrase Phrase, string? Error)> _executions = new(10_000);
    private readonly SlotFillers _fillers = new(catalog.SlotFillers);
    private long _dataVersion;
    private long _dataCheckedAt = long.MinValue;

    /// <summary>
    /// Forgets remembered symbols and periods when the data changed under the running process (an import adds a
    /// symbol; an update moves the last day that relative periods end on): seen by the first phrase after
    /// <see cref="DataCheckInterval"/>.
    /// </summary>
    /// <returns>Whether the data changed (what was read from it before no longer holds).</returns>
    public bool NoticeDataChanges()
    {
        long now = time.GetTimestamp();
        long checkedAt = Interlocked.Read(ref _dataCheckedAt);
        if (checkedAt != long.MinValue && time.GetElapsedTime(checkedAt, now) < DataCheckInterval)
        {
            return false;
        }

        Interlocked.Exchange(ref _dataCheckedAt, now);
        long version = marketData.Version;
        if (Interlocked.Exchange(ref _dataVersion, version) == version)
        {
            return false;
        }

        _symbols.Forget();
        _periods.Clear();
        return true;
    }

    /// <returns>The value, or null with <paramref name="error"/> saying why the text does not fit.</returns>
    public SlotValue? Parse(SlotDefinition slot, string text, DateOnly today, List<string> notes, out string? error)
    {
        error = null;
        switch (slot.Type)
        {
            case SlotType.Strategies:
                var reading = _strategies.Read(_fillers.Trim(text));
                if (reading.Error is null)
                {
                    if (reading.Correction is not null)
                    {
                        notes.Add(reading.Correction);
                    }

                    return new SlotValue(slot.Name, slot.Type, text) { StrategyText = reading.Canonical, Strategies = reading.Strategies, Rule = reading.Rule, SavedName = reading.SavedName };
                }

                // A rule's error shows where: the caret block follows the one-line message (see IntentMatch.Error).
                error = reading.Caret is null ? reading.Error : reading.Error + "\n" + reading.Caret;
                return null;
            case SlotType.Symbols:
                if (_symbols.TryParse(_fillers.Trim(text), out var symbols, out var symbolNotes, out error))
                {
                    notes.AddRange(symbolNotes);
                    return new SlotValue(slot.Name, slot.Type, text) { Symbols = symbols };
                }

                return null;
            case SlotType.Period:
                // Remembered by day and text: a phrase's words are tried as a period in many readings. The data's
                // end is read once per store, so it is the same for every entry.
                var (ok, period, note, problem) = _periods.GetOrAdd(
                    (today.DayNumber, text),
                    static (key, data) => PeriodParser.TryParse(key.Text, new AsOfDay(DateOnly.FromDayNumber(key.Day), data.LastDay), out var parsed, out string? anchored, out string? reason)
                        ? (true, parsed, anchored, null)
                        : (false, default, null, reason),
                    marketData);
                error = problem;
                if (ok)
                {
                    if (note is not null)
                    {
                        notes.Add(note);
                    }

                    return new SlotValue(slot.Name, slot.Type, text) { Period = period };
                }

                error ??= $"'{UserText.Excerpt(text)}' is not a period (try 2020-2024, FY2023, ytd, last 3 years, from 2020-01-01 to 2020-12-31)";
                return null;
            case SlotType.Job:
                if (JobReference.TryParse(text, out string job))
                {
                    return new SlotValue(slot.Name, slot.Type, text) { Job = job };
                }

                error = $"'{UserText.Excerpt(text)}' is not a job (give its id, or 'last')";
                return null;
            case SlotType.WholeNumber:
                return IntegerSlot.TryParse(text, slot.Min, slot.Max, out int number, out error) ? new SlotValue(slot.Name, slot.Type, text) { Number = number } : null;
            case SlotType.WholeNumbers:
                return IntegerListSlot.TryParse(text, slot.Min, slot.Max, out var numbers, out error) ? new SlotValue(slot.Name, slot.Type, text) { Number = numbers[0], Numbers = numbers } : null;
            case SlotType.Enum:
                if (EnumSlot.TryParse(text, slot.Values, out string choice))
                {
                    return new SlotValue(slot.Name, slot.Type, text) { Choice = choice };
                }

                if (Corrections.Closest(text, slot.Values) is { } corrected)
                {
                    notes.Add(Corrections.ReadAs(text, corrected));
                    return new SlotValue(slot.Name, slot.Type, text) { Choice = corrected };
                }

                error = $"'{UserText.Excerpt(text)}' is not one of: {string.Join(", ", slot.Values)}";
                return null;
            case SlotType.Name:
                // Any text: the store that keeps names checks them and says why one cannot be used.
                return new SlotValue(slot.Name, slot.Type, text) { Choice = text.Trim() };
            case SlotType.Execution:
                // Remembered by text like periods: the execution slot trails a phrase, so it is offered every tail of it.
                var execution = _executions.GetOrAdd(text, static t => (ExecutionSlot.TryParse(t, out var parsed, out string? why), parsed, why));
                error = execution.Error;
                return execution.Ok ? new SlotValue(slot.Name, slot.Type, text) { Execution = execution.Phrase } : null;
            case SlotType.Parameters:
                return ParameterListSlot.TryParse(text, out var settings, out error) ? new SlotValue(slot.Name, slot.Type, text) { Parameters = settings } : null;
            case SlotType.Length:
                return Engine.WalkForward.PeriodLength.TryParse(text, out var length, out error) ? new SlotValue(slot.Name, slot.Type, text) { Length = length } : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(slot), slot.Type, null);
        }
    }
}
