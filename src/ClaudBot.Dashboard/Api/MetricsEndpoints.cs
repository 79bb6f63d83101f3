using ClaudBot.Cluster.Metrics;
using ClaudBot.Dashboard.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>GET /metrics</c>: the node's metrics in Prometheus text, the gauges read from the queue server now. Guarded like
/// /api (<see cref="Security.TokenMiddleware.NeedsToken"/>); with the queue server away it still answers, without the gauges.
/// </summary>
internal static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (ClusterMetrics metrics, PrometheusExposition exposition, CancellationToken cancellationToken) =>
        {
            await metrics.RefreshAsync(cancellationToken);
            return Results.Text(exposition.Scrape(), PrometheusText.ContentType);
        }).ExcludeFromDescription();
        return app;
    }
}
