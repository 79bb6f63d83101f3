using System.Text.Json;
using ClaudBot.Backtesting;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// A stored row as the JSON element every output shares (<see cref="ResultJsonWriter"/>'s shape, without trades): the
/// same names, order and numbers, so a results file read from the store is the one the workers used to write.
/// </summary>
internal static class StoredRowJson
{
    private static readonly JsonEncodedText[] Metrics = [.. StoredRow.MetricNames.Select(n => JsonEncodedText.Encode(n))];
    private static readonly JsonEncodedText[] Benchmark = [.. StoredRow.BenchmarkNames.Select(n => JsonEncodedText.Encode(n))];
    private static readonly JsonEncodedText ExcessReturn = JsonEncodedText.Encode("excess_return");
    private static readonly JsonEncodedText Beta = JsonEncodedText.Encode("beta");
    private static readonly JsonEncodedText Alpha = JsonEncodedText.Encode("alpha");

    public static void Write(Utf8JsonWriter writer, long index, in StoredRow row, ParameterSet parameters, string symbol, string? marketIndex, IReadOnlyList<string> errors)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, index);
        if (row.Failed)
        {
            writer.WriteString("strategy"u8, parameters.Text);
            writer.WriteString("symbol"u8, symbol);
            writer.WriteString("error"u8, row.TradesOrError >= 0 && row.TradesOrError < errors.Count ? errors[row.TradesOrError] : "unknown error");
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("strategy"u8, parameters.Strategy);
        writer.WritePropertyName("params"u8);
        writer.WriteRawValue(parameters.ParamsJson, skipInputValidation: true);
        writer.WriteString("symbol"u8, symbol);
        writer.WriteString("from"u8, row.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("to"u8, row.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteNumber("bars"u8, row.Bars);
        WriteMetrics(writer, row);
        writer.WriteStartObject("benchmark"u8);
        for (int i = 0; i < StoredRow.BenchmarkFigures.Count; i++)
        {
            Finite(writer, Benchmark[i], row.Benchmark[i]);
        }

        writer.WriteEndObject();
        Finite(writer, ExcessReturn, row.ExcessReturn);
        Finite(writer, Beta, row.Beta);
        Finite(writer, Alpha, row.Alpha);
        writer.WriteString("market_index"u8, marketIndex);
        writer.WriteEndObject();
    }

    /// <summary>The <c>metrics</c> object of a result, in the engine's JSON order.</summary>
    public static void WriteMetrics(Utf8JsonWriter writer, in StoredRow row)
    {
        writer.WriteStartObject("metrics"u8);
        for (int i = 0; i < StoredRow.Figures.Count; i++)
        {
            Finite(writer, Metrics[i], row.Metrics[i]);

            // Trades and skipped entries are counts, written where the engine's own JSON has them.
            if (i == 6)
            {
                writer.WriteNumber("trades"u8, row.TradesOrError);
            }
        }

        writer.WriteNumber("skipped_entries"u8, row.SkippedEntries);
        writer.WriteEndObject();
    }

    private static void Finite(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
