using ClaudBot.Dashboard.Api;
using ClaudBot.Dashboard.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Live;

/// <summary>
/// <c>/ws</c>: a <c>snapshot</c> first (cluster, unfinished and recent jobs), then the live events.
/// The client joins the hub before the snapshot is read, so nothing between the two is missed. A browser
/// page of another origin is refused (403), as is a client past <see cref="DashboardOptions.MaxLiveClients"/> (503).
/// </summary>
internal static class LiveSocket
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket required.", detail: "/ws speaks WebSocket only.").ExecuteAsync(context);
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LiveSocket));
        string? origin = context.Request.Headers.Origin;
        if (origin is not null && !IsOwnOrigin(origin, context.Request))
        {
            // Browsers always send Origin on a WebSocket; a page elsewhere must not read the live events.
            Log.ForeignOrigin(logger, Excerpt.Of(origin));
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Foreign origin.", detail: "/ws accepts pages of the dashboard's own origin only.").ExecuteAsync(context);
            return;
        }

        var hub = context.RequestServices.GetRequiredService<LiveHub>();
        var queue = hub.TryJoin();
        if (queue is null)
        {
            int max = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.MaxLiveClients;
            Log.TooManyClients(logger, max);
            context.Response.Headers.RetryAfter = "5";
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many live clients.",
                detail: $"The dashboard already serves {max} live clients (Dashboard:MaxLiveClients); close one and retry.").ExecuteAsync(context);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await new LiveSession(socket, queue, context.RequestServices.GetRequiredService<ClusterViews>()).RunAsync(
                context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, context.RequestAborted);
        }
        finally
        {
            // Only once the session has ended (close handshake included), so a draining server waits for it.
            hub.Leave(queue);
        }
    }

    // The page's host and port against the Host it asked for; the scheme is left out, since a TLS proxy in
    // front of the node makes the page https while Kestrel sees http.
    private static bool IsOwnOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var page)
        && string.Equals(page.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
