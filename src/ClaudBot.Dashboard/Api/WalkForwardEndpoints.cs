using ClaudBot.Cluster;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>GET /api/jobs/{id}/walkforward</c>: a finished walk-forward job's report as the driver wrote it
/// (results/job_&lt;id&gt;.walkforward.json, docs/walk-forward.md): per symbol the windows' picks with in-sample and
/// out-of-sample figures, the stitched out-of-sample curve, the defaults' and buy and hold's, and the efficiencies.
/// </summary>
internal static class WalkForwardEndpoints
{
    public static IEndpointRouteBuilder MapWalkForward(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id}/walkforward", ReportAsync).WithTags("jobs").WithName("GetWalkForward").Produces<WalkForwardReport>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A finished walk-forward job's report: per symbol and window the pick, in-sample and out-of-sample figures; the stitched curve, the defaults' and buy and hold's; efficiencies.");
        return app;
    }

    private static async Task<IResult> ReportAsync(ClusterClient cluster, WalkForwardReports reports, string id, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", JobId.Rule);
        }

        if (await cluster.GetAsync(id, cancellationToken) is not { } job)
        {
            return Problems.NotFound($"There is no job '{id}'.");
        }

        try
        {
            // Written as the job finished: a small file sent as it is.
            return Results.File(await reports.EnsureAsync(job, cancellationToken), "application/json");
        }
        catch (WalkForwardReportException unavailable)
        {
            return Problems.Conflict(unavailable.Message);
        }
    }
}
