using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// One element of a results file's <c>results</c> array as read: numbers parsed, strings left as UTF-8
/// spans into the reader's buffer, so a result that ranks nowhere costs no allocation. Trades and any
/// other field are skipped by the reader, never materialised.
/// </summary>
internal ref struct ResultElement
{
    public int Index;
    public ReadOnlySpan<byte> Strategy;
    public ReadOnlySpan<byte> Symbol;
    public ReadOnlySpan<byte> Error;

    /// <summary>The <c>params</c> object's JSON text, every value checked to be a number.</summary>
    public ReadOnlySpan<byte> Params;
    public DateOnly From;
    public DateOnly To;
    public ResultMetrics Metrics;

    /// <summary>The buy-and-hold benchmark's total return, the excess over it, beta and alpha; null where absent or undefined.</summary>
    public double? BenchmarkReturn;
    public double? ExcessReturn;
    public double? Beta;
    public double? Alpha;

    /// <summary>What beta and alpha are against (<c>market_index</c>); empty where absent or null.</summary>
    public ReadOnlySpan<byte> MarketIndex;
    private Field _seen;

    [Flags]
    private enum Field
    {
        None = 0,
        Index = 1,
        Strategy = 2,
        Params = 4,
        Symbol = 8,
        From = 16,
        To = 32,
        Metrics = 64,
        Error = 128,
        Other = 256,
        Benchmark = 512,
        ExcessReturn = 1024,
        Beta = 2048,
        Alpha = 4096,
        MarketIndex = 8192,
    }

    /// <summary>A failed task: it carries <c>error</c> instead of metrics.</summary>
    public readonly bool IsFailure => (_seen & Field.Error) != 0;

    /// <summary>A result of a job's rows file seen as the element its JSON would be, so one ranking reads both.</summary>
    public static ResultElement Of(int index, in Store.StoredRow row, Store.ParameterSet parameters, ReadOnlySpan<byte> symbol, ReadOnlySpan<byte> marketIndex, ReadOnlySpan<byte> error)
    {
        var element = new ResultElement { Index = index, Symbol = symbol };
        if (row.Failed)
        {
            element.Strategy = System.Text.Encoding.UTF8.GetBytes(parameters.Text);
            element.Error = error;
            element._seen = Field.Error;
            return element;
        }

        element.Strategy = parameters.Strategy;
        element.Params = parameters.ParamsJson;
        element.From = row.From;
        element.To = row.To;
        element.Metrics = ResultMetrics.Of(row);
        element.BenchmarkReturn = Finite(row.Benchmark[0]);
        element.ExcessReturn = Finite(row.ExcessReturn);
        element.Beta = Finite(row.Beta);
        element.Alpha = Finite(row.Alpha);
        element.MarketIndex = marketIndex;
        return element;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// Reads the element whose <c>{</c> the reader is on. False when the buffer ends first: the reader is
    /// then somewhere inside the element and the caller goes back to its checkpoint for more bytes.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long baseOffset, int position, out ResultElement element)
    {
        element = default;
        long start = baseOffset + reader.TokenStartIndex;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                element.CheckComplete(start, position);
                return true;
            }

            var field = Name(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            switch (field)
            {
                case Field.Index:
                    element.Index = ResultsJson.Int32(ref reader, baseOffset, position, "index");
                    break;
                case Field.Strategy:
                    element.Strategy = ResultsJson.Utf8(ref reader, baseOffset, position, "strategy");
                    break;
                case Field.Symbol:
                    element.Symbol = ResultsJson.Utf8(ref reader, baseOffset, position, "symbol");
                    break;
                case Field.Error:
                    element.Error = ResultsJson.Utf8(ref reader, baseOffset, position, "error");
                    break;
                case Field.From:
                    element.From = ResultsJson.Date(ref reader, baseOffset, position, "from");
                    break;
                case Field.To:
                    element.To = ResultsJson.Date(ref reader, baseOffset, position, "to");
                    break;
                case Field.Params:
                    if (!TryReadParams(ref reader, data, baseOffset, position, out var parameters))
                    {
                        return false;
                    }

                    element.Params = parameters;
                    break;
                case Field.Metrics:
                    if (!ResultMetrics.TryRead(ref reader, baseOffset, position, out element.Metrics))
                    {
                        return false;
                    }

                    break;
                case Field.Benchmark:
                    if (!TryReadBenchmarkReturn(ref reader, baseOffset, position, out element.BenchmarkReturn))
                    {
                        return false;
                    }

                    break;
                case Field.ExcessReturn:
                    element.ExcessReturn = ResultsJson.NullableDouble(ref reader, baseOffset, position, "excess_return");
                    break;
                case Field.Beta:
                    element.Beta = ResultsJson.NullableDouble(ref reader, baseOffset, position, "beta");
                    break;
                case Field.Alpha:
                    element.Alpha = ResultsJson.NullableDouble(ref reader, baseOffset, position, "alpha");
                    break;
                case Field.MarketIndex:
                    element.MarketIndex = reader.TokenType == JsonTokenType.Null ? default : ResultsJson.Utf8(ref reader, baseOffset, position, "market_index");
                    break;
                default:
                    // bars, trades, equity, and whatever a later writer adds.
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }

            element._seen |= field;
        }
    }

    private static Field Name(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("index"u8) ? Field.Index
        : reader.ValueTextEquals("strategy"u8) ? Field.Strategy
        : reader.ValueTextEquals("params"u8) ? Field.Params
        : reader.ValueTextEquals("symbol"u8) ? Field.Symbol
        : reader.ValueTextEquals("from"u8) ? Field.From
        : reader.ValueTextEquals("to"u8) ? Field.To
        : reader.ValueTextEquals("metrics"u8) ? Field.Metrics
        : reader.ValueTextEquals("error"u8) ? Field.Error
        : reader.ValueTextEquals("benchmark"u8) ? Field.Benchmark
        : reader.ValueTextEquals("excess_return"u8) ? Field.ExcessReturn
        : reader.ValueTextEquals("beta"u8) ? Field.Beta
        : reader.ValueTextEquals("alpha"u8) ? Field.Alpha
        : reader.ValueTextEquals("market_index"u8) ? Field.MarketIndex
        : Field.Other;

    // The benchmark object (or null, where a result has none): its total_return, every other figure skipped.
    private static bool TryReadBenchmarkReturn(ref Utf8JsonReader reader, long baseOffset, int position, out double? totalReturn)
    {
        totalReturn = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        ResultsJson.Expect(ref reader, JsonTokenType.StartObject, baseOffset, position, "benchmark");
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            bool wanted = reader.ValueTextEquals("total_return"u8);
            if (!reader.Read())
            {
                return false;
            }

            if (wanted)
            {
                totalReturn = ResultsJson.NullableDouble(ref reader, baseOffset, position, "benchmark.total_return");
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }
    }

    private static bool TryReadParams(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long baseOffset, int position, out ReadOnlySpan<byte> json)
    {
        json = default;
        ResultsJson.Expect(ref reader, JsonTokenType.StartObject, baseOffset, position, "params");
        int start = (int)reader.TokenStartIndex;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                json = data[start..(int)reader.BytesConsumed];
                return true;
            }

            if (!reader.Read())
            {
                return false;
            }

            _ = ResultsJson.Double(ref reader, baseOffset, position, "params");
        }
    }

    private readonly void CheckComplete(long start, int position)
    {
        var required = IsFailure
            ? Field.Index | Field.Strategy | Field.Symbol | Field.Error
            : Field.Index | Field.Strategy | Field.Params | Field.Symbol | Field.From | Field.To | Field.Metrics;
        var missing = required & ~_seen;
        string? name = (missing & (Field)(-(int)missing)) switch
        {
            Field.None => null,
            Field.Index => "index",
            Field.Strategy => "strategy",
            Field.Params => "params",
            Field.Symbol => "symbol",
            Field.From => "from",
            Field.To => "to",
            Field.Metrics => "metrics",
            _ => "error",
        };
        name ??= IsFailure ? null : Metrics.Missing;
        if (name is not null)
        {
            throw new ResultsFileException($"The results file is malformed at byte {start}: results[{position}] has no '{name}'.", start);
        }
    }
}
