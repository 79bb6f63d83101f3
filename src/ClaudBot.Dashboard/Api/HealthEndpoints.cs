using ClaudBot.Redis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>GET /healthz</c>: 200 when Redis answers a PING within two seconds, 503 otherwise. Never needs the token.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).WithName("Health").WithTags("health").Produces<HealthView>().Produces<HealthView>(503);
        return app;
    }

    private static async Task<IResult> CheckAsync(RedisConnection redis, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await redis.ConnectAsync(cancellationToken).WaitAsync(PingTimeout, time, cancellationToken);
            await redis.Database.PingAsync().WaitAsync(PingTimeout, time, cancellationToken);
            return Results.Ok(new HealthView("ok", null));
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Results.Json(new HealthView("unavailable", "Redis does not answer."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
