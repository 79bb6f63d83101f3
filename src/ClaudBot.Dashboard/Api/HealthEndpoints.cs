using ClaudBot.Cluster;
using ClaudBot.Redis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>GET /healthz</c>: 200 when Redis answers a PING within two seconds and the node's disk is above its floor, 503 otherwise. Never needs the token.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).WithName("Health").WithTags("health").Produces<HealthView>().Produces<HealthView>(503);
        return app;
    }

    private static async Task<IResult> CheckAsync(RedisConnection redis, ClusterClient cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        var disk = cluster.Disk();
        try
        {
            await redis.ConnectAsync(cancellationToken).WaitAsync(PingTimeout, time, cancellationToken);
            await redis.Database.PingAsync().WaitAsync(PingTimeout, time, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Results.Json(new HealthView("unavailable", "Redis does not answer.", disk), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // A node below its disk floor refuses new jobs: not healthy, and the detail says why.
        return disk.Low
            ? Results.Json(new HealthView("unavailable", disk.Describe(), disk), statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Ok(new HealthView("ok", null, disk));
    }
}
