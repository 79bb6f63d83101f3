using System.Text.Json;
using ClaudBot.Cluster.Results;
using ClaudBot.Dashboard.Hosting;

namespace ClaudBot.Dashboard.Tests;

/// <summary>The API's result rows: a metric that is not finite (a null in the results file) is null, not a thrown request.</summary>
public sealed class ResultRowJsonTests
{
    private static readonly ResultRow Row = new(
        3, "rsi", "rsi(period=14, lower=30, upper=70)", "TCS", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2),
        0.1, double.PositiveInfinity, double.NaN, -0.05, 1, 1.0, null, 1_100_000);

    [Fact]
    public void NonFiniteMetrics_AreWrittenAsNull_AndReadBackAsNaN()
    {
        string json = JsonSerializer.Serialize(Row, DashboardJson.Options);
        var written = JsonDocument.Parse(json).RootElement;

        Assert.Equal(
            ["cagr", "sharpe"],
            written.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null).Select(p => p.Name));
        Assert.Equal((0.1, -0.05, 1.0, 1_100_000.0), (written.GetProperty("total_return").GetDouble(), written.GetProperty("max_drawdown").GetDouble(), written.GetProperty("win_rate").GetDouble(), written.GetProperty("final_equity").GetDouble()));
        var read = JsonSerializer.Deserialize<ResultRow>(json, DashboardJson.Options)!;
        Assert.Equal(Row with { Cagr = double.NaN }, read);
    }

    [Fact]
    public void FeesTurnoverAndSkippedEntries_AreWrittenSnakeCase_AndLeftOutWhereAResultPredatesThem()
    {
        var withFees = Row with { Cagr = 0.02, Sharpe = 0.5, Fees = 13364.430907249869, Turnover = 13.364430907249872, SkippedEntries = 3 };

        var written = JsonDocument.Parse(JsonSerializer.Serialize(withFees, DashboardJson.Options)).RootElement;
        var old = JsonDocument.Parse(JsonSerializer.Serialize(Row, DashboardJson.Options)).RootElement;

        Assert.Equal((13364.430907249869, 13.364430907249872, 3), (written.GetProperty("fees").GetDouble(), written.GetProperty("turnover").GetDouble(), written.GetProperty("skipped_entries").GetInt32()));
        Assert.Equal([false, false, false], new[] { "fees", "turnover", "skipped_entries" }.Select(name => old.TryGetProperty(name, out _)));
    }
}
