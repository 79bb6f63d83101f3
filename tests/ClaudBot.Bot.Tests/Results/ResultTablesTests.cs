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

        Assert.Equal(["1", "rsi(period=14, lower=30, upper=70)", "TCS", "12.3%", "-", "-", "-", "-5.0%", "2", "50.0%"], Assert.Single(table.Rows));
    }

    [Fact]
    public void Ranked_ShowsTheExcessOverBuyAndHoldBesideTheReturn()
    {
        var table = ResultTables.Ranked("Top", [Row with { BenchmarkReturn = 0.3, ExcessReturn = 0.1234 - 0.3 }]);

        Assert.Equal(["Return", "vs B&H"], table.Columns.Skip(3).Take(2));
        Assert.Equal(["12.3%", "-17.7%"], Assert.Single(table.Rows).Skip(3).Take(2));
    }

    [Fact]
    public void BestBySymbol_ShowsANonFiniteSharpeAsADash()
    {
        var table = ResultTables.BestBySymbol([Row with { TotalReturn = double.PositiveInfinity }]);

        Assert.Equal(["TCS", "rsi(period=14, lower=30, upper=70)", "-", "-", "-5.0%"], Assert.Single(table.Rows));
    }
}
