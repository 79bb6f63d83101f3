using ClaudBot.Cluster.Boxes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>GET /api/cluster</c>; <c>POST /api/boxes/{host}/drain</c> and <c>/undrain</c> (the node CLI's <c>drain</c>/<c>undrain</c>).</summary>
internal static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapCluster(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cluster", async (ClusterViews views, CancellationToken cancellationToken) => Results.Ok(await views.ClusterAsync(cancellationToken)))
            .WithName("GetCluster").WithTags("cluster").Produces<ClusterView>()
            .WithSummary("Live workers (slots, busy, heartbeat age), boxes (workers by host: load, refused or drained), the queue, unfinished jobs, CPU and memory.");
        app.MapPost("/api/boxes/{host}/drain", ([FromServices] BoxDrains drains, string host) => SetAsync(drains, host, drain: true))
            .WithName("DrainBox").WithTags("cluster").Produces<BoxDrainView>().ProducesProblem(400)
            .WithSummary("Flags a box: its workers take no new chunks, finish those they hold, then report drained (see GET /api/cluster's boxes).");
        app.MapPost("/api/boxes/{host}/undrain", ([FromServices] BoxDrains drains, string host) => SetAsync(drains, host, drain: false))
            .WithName("UndrainBox").WithTags("cluster").Produces<BoxDrainView>().ProducesProblem(400)
            .WithSummary("Clears a box's drain flag: its workers take work again at their next heartbeat.");
        return app;
    }

    private static async Task<IResult> SetAsync(BoxDrains drains, string host, bool drain)
    {
        try
        {
            BoxNames.Validate(host);
        }
        catch (FormatException bad)
        {
            return Problems.Field("host", bad.Message);
        }

        bool changed = drain ? await drains.DrainAsync(host) : await drains.UndrainAsync(host);
        return Results.Ok(new BoxDrainView(host, drain, changed));
    }
}
