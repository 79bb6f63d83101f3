using System.Text.Json;
using ClaudBot.Backtesting;

namespace ClaudBot.Output;

/// <summary>
/// The <c>--json</c> output of <c>claudbot backtest</c>:
/// <c>{"results":[...], "notes":[...], "cost_bps":n, "initial_capital":n}</c>, each result in the
/// shared shape of <see cref="ResultJsonWriter"/>.
/// </summary>
internal static class BacktestJson
{
    public static string Serialize(BacktestReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var result in report.Results)
            {
                ResultJsonWriter.Write(writer, result);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notes");
            foreach (string note in report.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteNumber("cost_bps", report.CostBps);
            writer.WriteNumber("initial_capital", report.InitialCapital);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
