using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// The metrics of one result that a summary shows, read from its <c>metrics</c> object; a <c>null</c> metric (the
/// writer's NaN or Infinity, see <see cref="Backtesting.ResultJsonWriter"/>) reads as NaN. <see cref="Fees"/>,
/// <see cref="Turnover"/> and <see cref="SkippedEntries"/> came later (issue 13): a file written before them lacks them,
/// and they read as null rather than failing the file. <see cref="Sortino"/> and <see cref="Calmar"/> were always written
/// but read only since they are ranked: null where absent or not finite.
/// </summary>
internal struct ResultMetrics
{
    public double TotalReturn;
    public double Cagr;
    public double Sharpe;
    public double? Sortino;
    public double MaxDrawdown;
    public double? Calmar;
    public int Trades;
    public double WinRate;
    public double? ProfitFactor;
    public double FinalEquity;
    public double? Fees;
    public double? Turnover;
    public int? SkippedEntries;
    private Metric _seen;

    [Flags]
    private enum Metric
    {
        None = 0,
        TotalReturn = 1,
        Cagr = 2,
        Sharpe = 4,
        MaxDrawdown = 8,
        Trades = 16,
        WinRate = 32,
        ProfitFactor = 64,
        FinalEquity = 128,
        Other = 256,
        Fees = 512,
        Turnover = 1024,
        SkippedEntries = 2048,
        Sortino = 4096,
        Calmar = 8192,
        Required = TotalReturn | Cagr | Sharpe | MaxDrawdown | Trades | WinRate | ProfitFactor | FinalEquity,
    }

    /// <summary>A stored row's metrics as its JSON would read: non-finite as NaN, and a non-finite profit factor, fees or turnover as null.</summary>
    public static ResultMetrics Of(in Store.StoredRow row) => new()
    {
        TotalReturn = row.Metrics[0],
        Cagr = row.Metrics[1],
        Sharpe = row.Metrics[3],
        Sortino = double.IsFinite(row.Metrics[4]) ? row.Metrics[4] : null,
        MaxDrawdown = row.Metrics[5],
        Calmar = double.IsFinite(row.Metrics[6]) ? row.Metrics[6] : null,
        Trades = row.TradesOrError,
        WinRate = row.Metrics[7],
        ProfitFactor = double.IsFinite(row.Metrics[8]) ? row.Metrics[8] : null,
        FinalEquity = row.Metrics[10],
        Fees = double.IsFinite(row.Metrics[11]) ? row.Metrics[11] : null,
        Turnover = double.IsFinite(row.Metrics[12]) ? row.Metrics[12] : null,
        SkippedEntries = row.SkippedEntries,
        _seen = Metric.Required | Metric.Fees | Metric.Turnover | Metric.SkippedEntries | Metric.Sortino | Metric.Calmar,
    };

    /// <summary>The first metric the object lacked, as <c>metrics.name</c>, or null when it has them all.</summary>
    public readonly string? Missing => (Metric.Required & ~_seen) switch
    {
        Metric.None => null,
        var missing => (missing & (Metric)(-(int)missing)) switch
        {
            Metric.TotalReturn => "metrics.total_return",
            Metric.Cagr => "metrics.cagr",
            Metric.Sharpe => "metrics.sharpe",
            Metric.MaxDrawdown => "metrics.max_drawdown",
            Metric.Trades => "metrics.trades",
            Metric.WinRate => "metrics.win_rate",
            Metric.ProfitFactor => "metrics.profit_factor",
            _ => "metrics.final_equity",
        },
    };

    /// <summary>Reads the object whose <c>{</c> the reader is on; false when the buffer ends first.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, long baseOffset, int position, out ResultMetrics metrics)
    {
        metrics = default;
        ResultsJson.Expect(ref reader, JsonTokenType.StartObject, baseOffset, position, "metrics");
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

            var metric = Name(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            switch (metric)
            {
                case Metric.TotalReturn:
                    metrics.TotalReturn = ResultsJson.DoubleOrNaN(ref reader, baseOffset, position, "metrics.total_return");
                    break;
                case Metric.Cagr:
                    metrics.Cagr = ResultsJson.DoubleOrNaN(ref reader, baseOffset, position, "metrics.cagr");
                    break;
                case Metric.Sharpe:
                    metrics.Sharpe = ResultsJson.DoubleOrNaN(ref reader, baseOffset, position, "metrics.sharpe");
                    break;
                case Metric.MaxDrawdown:
                    metrics.MaxDrawdown = ResultsJson.DoubleOrNaN(ref reader, baseOffset, position, "metrics.max_drawdown");
                    break;
                case Metric.Sortino:
                    metrics.Sortino = ResultsJson.NullableDouble(ref reader, baseOffset, position, "metrics.sortino");
                    break;
                case Metric.Calmar:
                    metrics.Calmar = ResultsJson.NullableDouble(ref reader, baseOffset, position, "metrics.calmar");
                    break;
                case Metric.Trades:
                    metrics.Trades = ResultsJson.Int32(ref reader, baseOffset, position, "metrics.trades");
                    break;
                case Metric.WinRate:
                    metrics.WinRate = ResultsJson.DoubleOrNaN(ref reader, baseOffset, position, "metrics.win_rate");
                    break;
                case Metric.ProfitFactor:
                    metrics.ProfitFactor = ResultsJson.NullableDouble(ref reader, baseOffset, position, "metrics.profit_factor");
                    break;
                case Metric.FinalEquity:
                    metrics.FinalEquity = ResultsJson.DoubleOrNaN(ref reader, baseOffset, position, "metrics.final_equity");
                    break;
                case Metric.Fees:
                    metrics.Fees = ResultsJson.NullableDouble(ref reader, baseOffset, position, "metrics.fees");
                    break;
                case Metric.Turnover:
                    metrics.Turnover = ResultsJson.NullableDouble(ref reader, baseOffset, position, "metrics.turnover");
                    break;
                case Metric.SkippedEntries:
                    metrics.SkippedEntries = ResultsJson.Int32(ref reader, baseOffset, position, "metrics.skipped_entries");
                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }

            metrics._seen |= metric;
        }
    }

    private static Metric Name(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("total_return"u8) ? Metric.TotalReturn
        : reader.ValueTextEquals("cagr"u8) ? Metric.Cagr
        : reader.ValueTextEquals("sharpe"u8) ? Metric.Sharpe
        : reader.ValueTextEquals("max_drawdown"u8) ? Metric.MaxDrawdown
        : reader.ValueTextEquals("sortino"u8) ? Metric.Sortino
        : reader.ValueTextEquals("calmar"u8) ? Metric.Calmar
        : reader.ValueTextEquals("trades"u8) ? Metric.Trades
        : reader.ValueTextEquals("win_rate"u8) ? Metric.WinRate
        : reader.ValueTextEquals("profit_factor"u8) ? Metric.ProfitFactor
        : reader.ValueTextEquals("final_equity"u8) ? Metric.FinalEquity
        : reader.ValueTextEquals("fees"u8) ? Metric.Fees
        : reader.ValueTextEquals("turnover"u8) ? Metric.Turnover
        : reader.ValueTextEquals("skipped_entries"u8) ? Metric.SkippedEntries
        : Metric.Other;
}
