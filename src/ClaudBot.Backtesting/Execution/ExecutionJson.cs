using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Backtesting.Execution;

/// <summary>
/// Writes what a run's fills were made with, as fields of the object being written: <c>costs</c> (the model's name),
/// <c>cost_model</c> (its components as fractions, its date and source; null for <c>bps:N</c>, which <c>cost_bps</c> gives),
/// <c>slippage_bps</c>, <c>size</c> and <c>whole_shares</c> (always a boolean: the model's default made explicit).
/// </summary>
public static class ExecutionJson
{
    public static void Write(Utf8JsonWriter writer, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(settings);
        writer.WriteString("costs", ExecutionSettings.CostsName(settings));
        if (settings.Costs is { } model)
        {
            writer.WriteStartObject("cost_model");
            WriteModel(writer, model);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("cost_model");
        }

        writer.WriteNumber("slippage_bps", settings.SlippageBps);
        writer.WriteString("size", SizingText.Format(settings.Sizing));
        writer.WriteBoolean("whole_shares", settings.WholeShares ?? settings.Costs?.WholeSharesByDefault ?? false);
    }

    private static void WriteModel(Utf8JsonWriter writer, CostModel model)
    {
        writer.WriteNumber("brokerage_flat", model.BrokerageFlat);
        writer.WriteNumber("brokerage_percent", model.BrokeragePercent);
        writer.WriteNumber("stt_buy", model.SttBuy);
        writer.WriteNumber("stt_sell", model.SttSell);
        writer.WriteNumber("exchange", model.Exchange);
        writer.WriteNumber("sebi_per_crore", model.SebiPerCrore);
        writer.WriteNumber("stamp_buy", model.StampBuy);
        writer.WriteNumber("gst", model.Gst);
        writer.WriteNumber("dp_per_sell", model.DpPerSell);
        if (model.EffectiveDate is { } date)
        {
            writer.WriteString("effective_date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (model.Source is { } source)
        {
            writer.WriteString("source", source);
        }
    }
}
