using System.Buffers.Binary;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// One backtest's figures as the cluster keeps them: a fixed <see cref="Size"/>-byte little-endian record, in a chunk's
/// rows on their way from a worker and in a job's <c>.rows</c> file. Fixed size, so task N sits at a known offset and a
/// million results are read or ranked without parsing. Doubles are the engine's own (no text round trip); a value
/// with no number (NaN, a null profit factor, beta of an index that did not move) is NaN here and <c>null</c> in JSON.
/// </summary>
/// <remarks>
/// Layout (bytes): 0 kind (0 result, 1 failed) · 4 trades, or a failed task's error number · 8 skipped entries ·
/// 12 bars · 16 first and 20 last day used (<see cref="DateOnly.DayNumber"/>) · 24 the 13 metrics of
/// <see cref="MetricNames"/> · 128 the buy-and-hold benchmark's 5 (<see cref="BenchmarkNames"/>) · 168 excess return,
/// beta, alpha. 192 bytes in all.
/// </remarks>
internal struct StoredRow
{
    public const int Size = 192;

    /// <summary>The metrics' names in JSON, in their order in the record (that of every other JSON output).</summary>
    public static readonly string[] MetricNames =
        ["total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "calmar", "win_rate", "profit_factor", "exposure", "final_equity", "fees", "turnover"];

    public static readonly string[] BenchmarkNames = ["total_return", "cagr", "sharpe", "max_drawdown", "final_equity"];

    private const int MetricsAt = 24;
    private const int BenchmarkAt = MetricsAt + (13 * 8);
    private const int MarketAt = BenchmarkAt + (5 * 8);

    public bool Failed;

    /// <summary>Trades of a result; for a failed task, the number of its error in the error list that goes with the rows.</summary>
    public int TradesOrError;
    public int SkippedEntries;
    public int Bars;
    public DateOnly From;
    public DateOnly To;
    public Figures Metrics;
    public BenchmarkFigures Benchmark;
    public double ExcessReturn;
    public double Beta;
    public double Alpha;

    public readonly double Sharpe => Metrics[3];

    public readonly double TotalReturn => Metrics[0];

    public static StoredRow Failure(int error) => new() { Failed = true, TradesOrError = error, Beta = double.NaN, Alpha = double.NaN, ExcessReturn = double.NaN };

    /// <summary>A result as the engine gave it, set beside buy and hold and the index (null beta or alpha as NaN).</summary>
    public static StoredRow Of(BacktestMetrics m, BacktestMetrics benchmark, DateOnly from, DateOnly to, int bars, double excessReturn, double? beta, double? alpha)
    {
        var row = new StoredRow
        {
            TradesOrError = m.Trades,
            SkippedEntries = m.SkippedEntries,
            Bars = bars,
            From = from,
            To = to,
            ExcessReturn = excessReturn,
            Beta = beta ?? double.NaN,
            Alpha = alpha ?? double.NaN,
        };
        row.Metrics[0] = m.TotalReturn;
        row.Metrics[1] = m.Cagr;
        row.Metrics[2] = m.Volatility;
        row.Metrics[3] = m.Sharpe;
        row.Metrics[4] = m.Sortino;
        row.Metrics[5] = m.MaxDrawdown;
        row.Metrics[6] = m.Calmar;
        row.Metrics[7] = m.WinRate;
        row.Metrics[8] = m.ProfitFactor ?? double.NaN;
        row.Metrics[9] = m.Exposure;
        row.Metrics[10] = m.FinalEquity;
        row.Metrics[11] = m.Fees;
        row.Metrics[12] = m.Turnover;
        row.Benchmark[0] = benchmark.TotalReturn;
        row.Benchmark[1] = benchmark.Cagr;
        row.Benchmark[2] = benchmark.Sharpe;
        row.Benchmark[3] = benchmark.MaxDrawdown;
        row.Benchmark[4] = benchmark.FinalEquity;
        return row;
    }

    /// <summary>The engine's figures back from the record (a NaN profit factor as null).</summary>
    public readonly BacktestMetrics ToBacktestMetrics() => new(
        Metrics[0], Metrics[1], Metrics[2], Metrics[3], Metrics[4], Metrics[5], Metrics[6], TradesOrError, Metrics[7], double.IsFinite(Metrics[8]) ? Metrics[8] : null, Metrics[9], Metrics[10])
    {
        Fees = Metrics[11],
        Turnover = Metrics[12],
        SkippedEntries = SkippedEntries,
    };

    public readonly void WriteTo(Span<byte> destination)
    {
        destination = destination[..Size];
        destination.Clear();
        destination[0] = Failed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], TradesOrError);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], SkippedEntries);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], Bars);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], From.DayNumber);
        BinaryPrimitives.WriteInt32LittleEndian(destination[20..], To.DayNumber);
        for (int i = 0; i < Figures.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination[(MetricsAt + (8 * i))..], Metrics[i]);
        }

        for (int i = 0; i < BenchmarkFigures.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination[(BenchmarkAt + (8 * i))..], Benchmark[i]);
        }

        BinaryPrimitives.WriteDoubleLittleEndian(destination[MarketAt..], ExcessReturn);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[(MarketAt + 8)..], Beta);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[(MarketAt + 16)..], Alpha);
    }

    /// <exception cref="InvalidDataException">The record is not one this build writes.</exception>
    public static StoredRow Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size || source[0] > 1)
        {
            throw new InvalidDataException(source.Length < Size ? $"a result record is {Size} bytes, not {source.Length}" : $"a result record of kind {source[0]} is not one this build knows");
        }

        var row = new StoredRow
        {
            Failed = source[0] == 1,
            TradesOrError = BinaryPrimitives.ReadInt32LittleEndian(source[4..]),
            SkippedEntries = BinaryPrimitives.ReadInt32LittleEndian(source[8..]),
            Bars = BinaryPrimitives.ReadInt32LittleEndian(source[12..]),
            From = DateOnly.FromDayNumber(DayNumber(source[16..])),
            To = DateOnly.FromDayNumber(DayNumber(source[20..])),
            ExcessReturn = BinaryPrimitives.ReadDoubleLittleEndian(source[MarketAt..]),
            Beta = BinaryPrimitives.ReadDoubleLittleEndian(source[(MarketAt + 8)..]),
            Alpha = BinaryPrimitives.ReadDoubleLittleEndian(source[(MarketAt + 16)..]),
        };
        for (int i = 0; i < Figures.Count; i++)
        {
            row.Metrics[i] = BinaryPrimitives.ReadDoubleLittleEndian(source[(MetricsAt + (8 * i))..]);
        }

        for (int i = 0; i < BenchmarkFigures.Count; i++)
        {
            row.Benchmark[i] = BinaryPrimitives.ReadDoubleLittleEndian(source[(BenchmarkAt + (8 * i))..]);
        }

        return row;
    }

    // A failed task's dates are not read; any other must be a real day.
    private static int DayNumber(ReadOnlySpan<byte> source)
    {
        int day = BinaryPrimitives.ReadInt32LittleEndian(source);
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? day
            : throw new InvalidDataException($"a result record has day number {day}, which is no date");
    }

    [System.Runtime.CompilerServices.InlineArray(Count)]
    public struct Figures
    {
        public const int Count = 13;
        private double _first;
    }

    [System.Runtime.CompilerServices.InlineArray(Count)]
    public struct BenchmarkFigures
    {
        public const int Count = 5;
        private double _first;
    }
}
