using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;

namespace ClaudBot.Output;

/// <summary>
/// The <c>--json</c> output of <c>claudbot backtest</c>:
/// <c>{"results":[...], "notes":[...], "cost_bps":n, "initial_capital":n, "costs":"zerodha-delivery", "cost_model":{...}|null,
/// "slippage_bps":n, "size":"all", "whole_shares":b}</c>, each result in the
/// shared shape of <see cref="ResultJsonWriter"/>.
/// </summary>
internal static class BacktestJson
{
    private const int FlushAt = 64 * 1024;

    /// <summary>
    /// Writes each result as the run produces it, in pieces of about 64 KB, and keeps none: memory stays that of one
    /// result whatever the grid. The report used to be built whole as one string (the largest grid died out of memory at
    /// 5.5 GB), then written in pieces but still held whole (2.7 GB for 99,960 results with equity curves).
    /// </summary>
    public static void Write(TextWriter output, BacktestRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var result in run.Results(cancellationToken))
            {
                ResultJsonWriter.Write(writer, result);
                if (writer.BytesPending + buffer.WrittenCount >= FlushAt)
                {
                    Drain(writer, buffer, output);
                }
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notes");
            foreach (string note in run.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteNumber("cost_bps", run.CostBps);
            writer.WriteNumber("initial_capital", run.InitialCapital);
            ExecutionJson.Write(writer, run.Settings);
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
