using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>GET /api/cluster</c>.</summary>
internal static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapCluster(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cluster", async (ClusterViews views, CancellationToken cancellationToken) => Results.Ok(await views.ClusterAsync(cancellationToken)))
            .WithName("GetCluster").WithTags("cluster").Produces<ClusterView>()
            .WithSummary("Live workers (slots, busy, heartbeat age), the queue, unfinished jobs, CPU and memory.");
        return app;
    }
}
