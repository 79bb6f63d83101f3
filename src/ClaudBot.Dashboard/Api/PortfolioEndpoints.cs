using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>POST /api/portfolio</c>: a portfolio backtest (docs/portfolio.md) run at the node with the node's data and answered
/// at once: milliseconds for a universe of 50 over five years, so it is not queued. Bad input is a 400 naming the field.
/// </summary>
internal static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/portfolio", RunAsync).WithTags("portfolio").WithName("RunPortfolio").Accepts<PortfolioBody>("application/json").Produces<PortfolioView>().ProducesProblem(400).ProducesProblem(413)
            .WithSummary("One strategy on the symbols sharing one account, at most max_positions open: its figures beside the equal-weight buy and hold's, daily curves, contribution, trades.");
        return app;
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
            return Results.Ok(await runner.ViewAsync(body.Strategy ?? string.Empty, body.Symbols ?? [], from, to, body.MaxPositions ?? PortfolioBody.DefaultMaxPositions, body.Rank, execution, cancellationToken));
        }
        catch (Exception error) when (JobRequestErrors.IsRequestError(error))
        {
            var (field, detail) = JobRequestErrors.Describe(error);
            return Problems.Field(error is Engine.Portfolio.PortfolioException ? "portfolio" : field == "strategies" ? "strategy" : field, detail);
        }
    }
}
