using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Matching;

/// <summary>One slot kind's reading of a text: the value or the error, notes, and what its words weigh in a reading's score.</summary>
internal sealed record SlotReading(SlotValue? Value, string? Error, string[] Notes, string Text, double Weight);

/// <summary>
/// Slot readings remembered across phrases by kind, day and text: the same words recur in phrase after phrase ("on
/// TCS", "last 3 years"). Strategies are not remembered here (a saved rule's name reads as whatever it names now; the
/// strategies slot keeps its own memory for that). Forgotten when the data changes, with the slot parser's memories.
/// </summary>
internal sealed class SlotReadings
{
    private readonly BoundedCache<(int Kind, int Day, string Text), SlotReading> _readings = new(20_000);

    public SlotReading? Find(int kind, DateOnly today, string text) => _readings.TryGet((kind, today.DayNumber, text));

    public void Remember(SlotDefinition slot, int kind, DateOnly today, SlotReading reading)
    {
        if (slot.Type != SlotType.Strategies)
        {
            _readings.GetOrAdd((kind, today.DayNumber, reading.Text), static (_, known) => known, reading);
        }
    }

    public void Forget() => _readings.Clear();
}
