using System.Globalization;
using System.Text.Json;
using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// The JSON form of a match, as <c>claudbot intent --json</c> prints it: <c>intent, confidence, source,
/// slots{strategies[{name, params}], symbols[], from, to, job, lines, component, keep}, missing,
/// defaulted, suggestions</c>, only the slots that apply (a period becomes <c>from</c> and <c>to</c>).
/// </summary>
public static class IntentJsonWriter
{
    public static void Write(Utf8JsonWriter writer, IntentMatch match)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(match);
        writer.WriteStartObject();
        if (match.Intent is null)
        {
            writer.WriteNull("intent");
        }
        else
        {
            writer.WriteString("intent", match.Intent);
        }

        writer.WriteNumber("confidence", match.Confidence);
        writer.WriteString("source", match.Source);
        writer.WriteStartObject("slots");
        foreach (var slot in match.Slots.Values)
        {
            WriteSlot(writer, slot);
        }

        writer.WriteEndObject();
        Strings(writer, "missing", match.Missing);
        Strings(writer, "defaulted", match.Defaulted);
        Strings(writer, "suggestions", match.Suggestions);
        if (match.Alternatives.Count > 0)
        {
            Strings(writer, "alternatives", match.Alternatives);
        }

        if (match.Notes.Count > 0)
        {
            Strings(writer, "notes", match.Notes);
        }

        if (match.Invalid.Count > 0)
        {
            writer.WriteStartObject("invalid");
            foreach (var (name, text) in match.Invalid)
            {
                writer.WriteString(name, text);
            }

            writer.WriteEndObject();
        }

        if (match.Error is { } error)
        {
            writer.WriteString("error", error);
        }

        writer.WriteEndObject();
    }

    private static void WriteSlot(Utf8JsonWriter writer, SlotValue slot)
    {
        switch (slot.Type)
        {
            case SlotType.Strategies:
                writer.WriteStartArray(slot.Name);
                foreach (var strategy in slot.Strategies ?? [])
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", strategy.Name);
                    if (strategy.Rule is { } rule)
                    {
                        writer.WriteString("rule", rule.Text);
                    }

                    writer.WriteStartObject("params");
                    foreach (var (name, value) in strategy.Values)
                    {
                        writer.WriteNumber(name, value);
                    }

                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case SlotType.Symbols:
                Strings(writer, slot.Name, slot.Symbols ?? []);
                break;
            case SlotType.Period when slot.Period is { } period:
                writer.WriteString("from", period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("to", period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case SlotType.Job:
                writer.WriteString(slot.Name, slot.Job);
                break;
            case SlotType.WholeNumber when slot.Number is { } number:
                writer.WriteNumber(slot.Name, number);
                break;
            case SlotType.WholeNumbers when slot.Numbers is { } numbers:
                writer.WriteStartArray(slot.Name);
                foreach (int number in numbers)
                {
                    writer.WriteNumberValue(number);
                }

                writer.WriteEndArray();
                break;
            case SlotType.Length when slot.Length is { } length:
                writer.WriteString(slot.Name, length.ToString());
                break;
            case SlotType.Enum or SlotType.Name:
                writer.WriteString(slot.Name, slot.Choice);
                break;
            case SlotType.Parameters:
                writer.WriteStartObject(slot.Name);
                foreach (var (name, value) in slot.Parameters ?? [])
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                break;
            case SlotType.Execution when slot.Execution is { } execution:
                writer.WriteStartObject(slot.Name);
                writer.WriteString("costs", execution.Costs);
                if (execution.SlippageBps is { } slippage)
                {
                    writer.WriteNumber("slippage_bps", slippage);
                }
                else
                {
                    writer.WriteNull("slippage_bps");
                }

                writer.WriteString("size", execution.Size);
                if (execution.WholeShares is { } whole)
                {
                    writer.WriteBoolean("whole_shares", whole);
                }
                else
                {
                    writer.WriteNull("whole_shares");
                }

                // In percent, as the API's job body takes them.
                foreach (string exit in Engine.Simulation.ExitRules.Names)
                {
                    if (execution.Exits[exit] is { } fraction)
                    {
                        writer.WriteNumber(exit, Engine.Simulation.ExitRules.InPercent(fraction));
                    }
                    else
                    {
                        writer.WriteNull(exit);
                    }
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
