using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Cluster;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>GET /api/jobs/{id}/equity?strategy=...&amp;symbol=...</c>: one result of a job run again with its daily
/// equity, and buy-and-hold beside it. Results files keep metrics, not trades or daily equity (that would
/// multiply a sweep's file many times), and the engine is deterministic and takes microseconds, so the one
/// curve a user looks at is computed when asked — the same way the bot draws its charts.
/// </summary>
internal static class EquityEndpoints
{
    public static IEndpointRouteBuilder MapEquity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id}/equity", EquityAsync).WithTags("jobs").WithName("GetResultEquity").Produces<EquityView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Daily equity of one result of the job (strategy as in the results, symbol) and buy-and-hold's, over the job's period and cost.");
        return app;
    }

    private static async Task<IResult> EquityAsync(
        ClusterClient cluster, BacktestService backtests, string id, [FromQuery] string? strategy, [FromQuery] string? symbol, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", JobId.Rule);
        }

        if (await cluster.GetAsync(id, cancellationToken) is not { } job)
        {
            return Problems.NotFound($"There is no job '{id}'.");
        }

        // A result's strategy is at most a rule's length: the workers parsed the same text under the same bound.
        if (string.IsNullOrWhiteSpace(strategy) || strategy.Length > RuleBounds.MaxLength)
        {
            return Problems.Field("strategy", "Give the result's strategy as the results show it, e.g. rsi(period=14, lower=30, upper=70).");
        }

        if (symbol is null || !job.Spec.Symbols.Contains(symbol, StringComparer.Ordinal))
        {
            return Problems.Field("symbol", $"'{symbol}' is not one of job {id}'s symbols ({string.Join(", ", job.Spec.Symbols)}).");
        }

        try
        {
            // The job's own cost and capital (recorded in its spec), so the curve is the one the job ran.
            var spec = job.Spec;
            var curve = await backtests.EquityAsync(strategy, symbol, spec.From, spec.To, spec.CostBps, spec.InitialCapital, spec.Execution(), cancellationToken);
            var hold = await backtests.EquityAsync("buy_hold", symbol, spec.From, spec.To, spec.CostBps, spec.InitialCapital, spec.Execution(), cancellationToken);
            var dates = curve.Dates.Select(Day).ToList();
            var trades = curve.Trades.Select(t => new TradeView(Day(t.EntryDate), t.EntryPrice, Day(t.ExitDate), t.ExitPrice, t.Return, t.IsOpen)).ToList();
            return Results.Ok(new EquityView(curve.Strategy, symbol, dates, curve.Equity, hold.Equity, trades));
        }
        catch (Exception invalid) when (InputErrors.IsInputError(invalid))
        {
            return Problems.Field("strategy", InputErrors.Describe(invalid));
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
