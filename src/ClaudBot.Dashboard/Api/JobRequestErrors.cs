using ClaudBot.Backtesting;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;
using ClaudBot.MarketData;

namespace ClaudBot.Dashboard.Api;

/// <summary>Which field of a job request a planner error is about, and its one-line message (the bot's).</summary>
internal static class JobRequestErrors
{
    public static bool IsRequestError(Exception error) => error is JobTooLargeException || InputErrors.IsInputError(error);

    public static (string? Field, string Detail) Describe(Exception error) => (Field(error), InputErrors.Describe(error));

    private static string? Field(Exception error) => error switch
    {
        StrategySpecException or JobTooLargeException => "strategies",
        MarketDataException => "symbols",
        DateRangeException => "from",
        ArgumentOutOfRangeException { ParamName: "CostBps" } => "cost_bps",
        ArgumentOutOfRangeException { ParamName: "SlippageBps" } => "slippage_bps",
        ArgumentOutOfRangeException { ParamName: "Sizing" } or Backtesting.Execution.SizeFormatException => "size",
        Backtesting.Costs.CostModelException => "costs",
        Engine.Portfolio.PortfolioException => "portfolio",
        _ => null,
    };
}
