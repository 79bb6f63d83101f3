using ClaudBot.Backtesting;
using System.Globalization;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Portfolio;
using ClaudBot.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>POST /api/portfolio</c>: a portfolio backtest (docs/portfolio.md) run at the node with the node's data and answered
/// at once: milliseconds for a universe of 50 over five years, so it is not queued. Bad input is a 400 naming the field.
/// <c>GET /api/jobs/{id}/portfolio</c>: the same report for a setting of a portfolio job (a grid run on the cluster).
/// </summary>
internal static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/portfolio", RunAsync).WithTags("portfolio").WithName("RunPortfolio").Accepts<PortfolioBody>("application/json").Produces<PortfolioView>().ProducesProblem(400).ProducesProblem(413)
            .WithSummary("One strategy on the symbols sharing one account, at most max_positions open: its figures beside the equal-weight buy and hold's, daily curves, contribution, trades.");
        app.MapGet("/api/jobs/{id}/portfolio", JobReportAsync).WithTags("jobs").WithName("GetJobPortfolio").Produces<PortfolioView>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A portfolio job's report for its best setting, or for the strategy and positions named: the same report as POST /api/portfolio, run again from the job's spec.");
        return app;
    }

    private static async Task<IResult> JobReportAsync(
        ClusterClient cluster, PortfolioJobReports reports, string id, [FromQuery] string? strategy, [FromQuery] string? positions, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", JobId.Rule);
        }

        int? maxPositions = null;
        if (positions is not null)
        {
            if (!int.TryParse(positions, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                return Problems.Field("positions", $"'{Engine.Text.UserText.Excerpt(positions)}' is not a positions count: use one of the job's, e.g. 5.");
            }

            maxPositions = parsed;
        }

        // A result's strategy is at most a rule's length: the workers parsed the same text under the same bound.
        if (strategy is not null && (string.IsNullOrWhiteSpace(strategy) || strategy.Length > Engine.Rules.Syntax.RuleBounds.MaxLength))
        {
            return Problems.Field("strategy", "Give the result's strategy as the results show it, e.g. rsi(period=14, lower=30, upper=70).");
        }

        if (await cluster.GetAsync(id, cancellationToken) is not { } job)
        {
            return Problems.NotFound($"There is no job '{id}'.");
        }

        try
        {
            return Results.Ok(await reports.RunAsync(job, strategy, maxPositions, cancellationToken));
        }
        catch (PortfolioReportException unavailable)
        {
            return Problems.Conflict(unavailable.Message);
        }
    }

    private static async Task<IResult> RunAsync(HttpContext context, PortfolioRunner runner, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<PortfolioBody>(context, options.Value.MaxRequestBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null)
        {
            return Problems.Field(null, "The body must be a JSON object with strategy, symbols, from, to and max_positions.");
        }

        if (RequestFields.Dates(body.From, body.To, out var from, out var to) is { } badDate)
        {
            return badDate;
        }

        if (RequestFields.Exits(body.Exits) is { } badExit)
        {
            return badExit;
        }

        try
        {
            var execution = new ExecutionChoice(body.Costs, body.SlippageBps, body.Size, body.WholeShares) { Exits = body.Exits };
            return Results.Ok(await runner.ViewAsync(body.Strategy ?? string.Empty, body.Symbols ?? [], from, to, body.MaxPositions ?? PortfolioBody.DefaultMaxPositions, body.Rank, execution, cancellationToken, body.PerSymbol));
        }
        catch (Exception error) when (JobRequestErrors.IsRequestError(error))
        {
            var (field, detail) = JobRequestErrors.Describe(error);
            return Problems.Field(error is Engine.Portfolio.PortfolioException ? "portfolio" : field == "strategies" ? "strategy" : field, detail);
        }
    }
}
