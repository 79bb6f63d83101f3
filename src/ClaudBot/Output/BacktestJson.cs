using System.Buffers;
using System.Text;
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
    private const int FlushAt = 64 * 1024;

    /// <summary>
    /// Writes the report to <paramref name="output"/> in pieces of about 64 KB. It used to be built whole as one
    /// string first (bytes, then UTF-16: three copies), and the largest grid died out of memory at 5.5 GB.
    /// </summary>
    public static void Write(TextWriter output, BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var result in report.Results)
            {
                ResultJsonWriter.Write(writer, result);
                if (writer.BytesPending + buffer.WrittenCount >= FlushAt)
                {
                    Drain(writer, buffer, output);
                }
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
            Drain(writer, buffer, output);
        }

        output.WriteLine();
    }

    // Whole UTF-8 sequences only: the writer flushes after complete tokens.
    private static void Drain(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        writer.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }
}
