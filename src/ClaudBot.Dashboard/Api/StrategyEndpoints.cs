using ClaudBot.Backtesting;
using ClaudBot.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>/api/strategies</c>: checking a strategy text (a rule or a built-in list) before a job is submitted with it.</summary>
internal static class StrategyEndpoints
{
    public static IEndpointRouteBuilder MapStrategies(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/strategies/validate", ValidateAsync).WithName("ValidateStrategy").WithTags("strategies")
            .Accepts<ValidateStrategyBody>("application/json").Produces<StrategyCheck>().ProducesProblem(400).ProducesProblem(413)
            .WithSummary("Checks a strategy text as a job would: 200 {valid: true, canonical, combinations, kind: rule|builtin} or 200 "
                + "{valid: false, error, column, caret} with the job's one-line message, the column it names and a caret block (null when the error is about the whole text).");
        return app;
    }

    private static async Task<IResult> ValidateAsync(
        HttpContext context, IOptions<DashboardOptions> options, IOptions<BacktestOptions> backtest, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ValidateStrategyBody>(context, options.Value.MaxRequestBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body?.Strategy is not { } text)
        {
            return Problems.Field("strategy", "The body must be a JSON object with a strategy: a rule or a list of built-in strategies.");
        }

        // The answer echoes whatever was typed (the caret block quotes it): written with the strict encoder, so '<', '>'
        // and '&' travel as \u escapes and no sniffing or careless rendering can take the text for markup.
        return TypedResults.Json(StrategyValidator.Check(text, backtest.Value.MaxCombinations), DashboardJson.Options);
    }
}
