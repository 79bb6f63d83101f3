using System.Globalization;
using System.Text;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// Small results files written by hand in the writer's shape, for the cases a real run rarely gives:
/// ties, failures at chosen places, a null profit factor, no results at all, damaged bytes.
/// </summary>
internal static class HandWrittenFile
{
    public const string Spec = """{"strategies":"rsi,macd","symbols":["TCS","INFY"],"from":"2022-01-01","to":"2024-12-31","cost_bps":10,"submitted_by":"tester","submitted_at":"2025-01-02T03:04:05+00:00"}""";

    public const string Timings = """{"submitted_at":"2025-01-02T03:04:05.0000000+00:00","started_at":"2025-01-02T03:04:05.5000000+00:00","finished_at":"2025-01-02T03:04:06.7500000+00:00","queued_seconds":0.5,"run_seconds":1.25,"total_seconds":1.75}""";

    public static string Header(int total, int failed) =>
        $$"""{"id":"j1","state":"{{(failed > 0 ? "completed_with_errors" : "completed")}}","spec":{{Spec}},"notes":["TCS: a note"],"tasks_total":{{total}},"tasks_done":{{total - failed}},"tasks_failed":{{failed}},"timings":{{Timings}},"summary":{"best_by_symbol":[]}""";

    public static byte[] With(params string[] results)
    {
        int failed = results.Count(r => r.Contains("\"error\"", StringComparison.Ordinal));
        return Encoding.UTF8.GetBytes($"{Header(results.Length, failed)},\"results\":[{string.Join(',', results)}]}}\n");
    }

    public static string Result(int index, string symbol, double sharpe, double totalReturn = 0.1, string profitFactor = "1.65", string strategy = "rsi", string parameters = """{"period":14,"lower":30,"upper":70}""") =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"index":{{index}},"strategy":"{{strategy}}","params":{{parameters}},"symbol":"{{symbol}}","from":"2022-01-03","to":"2024-12-31","bars":745,"metrics":{"total_return":{{totalReturn}},"cagr":0.026,"volatility":0.09,"sharpe":{{sharpe}},"sortino":0.52,"max_drawdown":-0.137,"calmar":0.19,"trades":2,"win_rate":0.5,"profit_factor":{{profitFactor}},"exposure":0.22,"final_equity":1106392.4},"trades":[{"entry_date":"2022-09-27","entry_price":1092.85,"exit_date":"2022-11-30","exit_price":1238.25,"return":0.1308,"open":false},{"entry_date":"2023-02-01","entry_price":1200,"exit_date":"2023-03-01","exit_price":1100,"return":-0.0833,"open":false}]}""");

    public static string Failure(int index, string symbol, string error = "data/X.csv line 3: bad close") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"index":{{index}},"strategy":"rsi(period=14, lower=30, upper=70)","symbol":"{{symbol}}","error":"{{error}}"}""");
}
