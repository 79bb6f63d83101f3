using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Tests.Results;

/// <summary>A metric that is not finite (a null in the results file, read as NaN) shows as "-", never "NaN%".</summary>
public sealed class ResultTablesTests
{
    private static readonly ResultRow Row = new(
        0, "rsi", "rsi(period=14, lower=30, upper=70)", "TCS", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2),
        0.1234, double.NaN, double.NaN, -0.05, 2, 0.5, null, 1_123_400);

    [Fact]
    public void Ranked_ShowsANonFiniteCagrAndSharpeAsADash()
    {
        var table = ResultTables.Ranked("Top", [Row]);

        Assert.Equal(["1", "rsi(period=14, lower=30, upper=70)", "TCS", "12.3%", "-", "-", "-", "-5.0%", "2", "50.0%", "-"], Assert.Single(table.Rows));
    }

    [Fact]
    public void Ranked_ShowsTheExcessOverBuyAndHoldBesideTheReturn()
    {
        var table = ResultTables.Ranked("Top", [Row with { BenchmarkReturn = 0.3, ExcessReturn = 0.1234 - 0.3 }]);

        Assert.Equal(["Return", "vs B&H"], table.Columns.Skip(3).Take(2));
        Assert.Equal(["12.3%", "-17.7%"], Assert.Single(table.Rows).Skip(3).Take(2));
    }

    [Fact]
    public void Ranked_ShowsEachRowsFeesInCompactRupees_AndADashWhereTheResultPredatesFees()
    {
        // The fees of rsi on TCS, 2022-01-01 to 2024-12-31, zerodha-delivery (the CLI's reference run, metrics.fees).
        var table = ResultTables.Ranked("Top", [Row with { Fees = 13364.430907249869 }, Row with { Index = 1, Fees = 412.4 }, Row with { Index = 2 }]);

        int fees = table.Columns.ToList().IndexOf("Fees");
        Assert.Equal(["13.4k", "412", "-"], table.Rows.Select(r => r[fees]));
        Assert.Contains(fees, table.NumericColumns);
    }

    [Fact]
    public void SkippedEntriesNote_CountsTheRowsShownThatSkipped_AndIsNullWhereNoneDid()
    {
        Assert.Equal(
            "2 of the 3 results shown skipped 5 entries in all: the size bought zero whole shares (a larger size, or fractional shares, takes them).",
            ResultTables.SkippedEntriesNote([Row with { SkippedEntries = 4 }, Row with { SkippedEntries = 0 }, Row with { SkippedEntries = 1 }]));
        Assert.Equal(
            "The result skipped 1 entry: the size bought zero whole shares (a larger size, or fractional shares, takes them).",
            ResultTables.SkippedEntriesNote([Row with { SkippedEntries = 1 }]));
        Assert.Null(ResultTables.SkippedEntriesNote([Row with { SkippedEntries = 0 }, Row]));
    }

    [Fact]
    public void BestBySymbol_ShowsANonFiniteSharpeAsADash()
    {
        var table = ResultTables.BestBySymbol([Row with { TotalReturn = double.PositiveInfinity }]);

        Assert.Equal(["TCS", "rsi(period=14, lower=30, upper=70)", "-", "-", "-5.0%"], Assert.Single(table.Rows));
    }
}
