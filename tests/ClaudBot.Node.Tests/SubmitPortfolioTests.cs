using System.Globalization;
using ClaudBot.Cluster.Portfolio;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Tests;

/// <summary>
/// <c>claudbot-node submit --portfolio</c> in this process against a node (driver and worker, the embedded queue server)
/// hosted in this process on a home of its own: the job runs each setting as a portfolio per positions count, and waited
/// for it ends with its best setting's report.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(ProcessEnvironment.Name)]
public sealed class SubmitPortfolioTests : InProcessNode
{
    [Fact]
    public async Task APortfolioGridWaitedFor_RunsEverySettingPerCount_AndPrintsTheBestSettingsReport()
    {
        var (exit, output, error) = await RunAsync(
            "submit", "rsi(period=7|14)", "TCS,INFY,SBIN,ITC", "2022-01-01", "2023-12-31", "--portfolio", "1,3", "--size", "pct:25", "--rank", "momentum(63)", "--wait");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.StartsWith("Job ", output, StringComparison.Ordinal);
        Assert.Contains("queued: 4 portfolio backtests", output, StringComparison.Ordinal);
        var job = Assert.Single(await Client.ListAsync(0, 10, CancellationToken.None));
        Assert.Equal([1, 3], job.Spec.Portfolio!.MaxPositions);
        Assert.Equal(("momentum(63)", "pct:25"), (job.Spec.Portfolio.Rank, job.Spec.Portfolio.Size));
        Assert.Equal("all", job.Spec.Size);
        var best = await Services.GetRequiredService<PortfolioJobReports>().RunAsync(job, null, null, CancellationToken.None);

        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"Best setting: {best.Strategy} with at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(best.MaxPositions)} (pct:25, ranked by momentum(63)), 4 symbols, {best.From} to {best.To}", lines);
        string portfolio = Assert.Single(lines, l => l.StartsWith("portfolio ", StringComparison.Ordinal));
        Assert.Contains(Invariant($"return {best.Portfolio.TotalReturn:0.0%}, CAGR {best.Portfolio.Cagr:0.0%}, Sharpe {best.Portfolio.Sharpe:0.00}, max drawdown {best.Portfolio.MaxDrawdown:0.0%}, {best.Portfolio.Trades} trades"), portfolio, StringComparison.Ordinal);
        string hold = Assert.Single(lines, l => l.StartsWith("buy & hold ", StringComparison.Ordinal));
        Assert.Contains(Invariant($"return {best.BuyHold.TotalReturn:0.0%}"), hold, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Error: --portfolio takes position counts, e.g. 5 or 5,10,20, not 'five'.", "--portfolio", "five")]
    [InlineData("Error: --rank ranks a portfolio's entries: add --portfolio COUNTS to run a portfolio.", "--rank", "strength")]
    [InlineData("Error: max_positions names a count twice (2, 2): give each once.", "--portfolio", "2,2")]
    [InlineData("Error: A portfolio's size cannot be 'all'", "--portfolio", "2", "--size", "all")]
    [InlineData("Error: --strategy-for gives a portfolio's symbol its own strategy: add --portfolio COUNTS to run a portfolio.", "--strategy-for", "TCS=macd")]
    [InlineData("Error: --strategy-for takes SYMBOL=STRATEGY, e.g. SBIN=macd, not 'TCS'.", "--portfolio", "2", "--strategy-for", "TCS")]
    [InlineData("Error: A strategy is given for SBIN, which is not one of the portfolio's symbols.", "--portfolio", "2", "--strategy-for", "SBIN=macd")]
    public async Task APortfolioMistake_IsOneErrorLine_AndBadInput_AndQueuesNothing(string expected, params string[] options)
    {
        var (exit, output, error) = await RunAsync(["submit", "rsi", "TCS,INFY", "2022-01-01", "2023-12-31", .. options, "--wait"]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith(expected, Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Empty(await Client.ListAsync(0, 10, CancellationToken.None));
    }


    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
