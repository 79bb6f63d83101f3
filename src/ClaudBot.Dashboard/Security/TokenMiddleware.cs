using ClaudBot.Dashboard.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Security;

/// <summary>With <see cref="DashboardOptions.Token"/> set, /api, /ws and /metrics need it (401 problem otherwise); /healthz, /login and /openapi stay open.</summary>
internal sealed class TokenMiddleware(RequestDelegate next, IOptions<DashboardOptions> options, ILogger<TokenMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var path = context.Request.Path;
        if (!NeedsToken(path) || !options.Value.RequiresToken || TokenCheck.Matches(TokenCheck.Presented(context.Request), options.Value.Token))
        {
            await next(context);
            return;
        }

        Log.Unauthorized(logger, path);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(
            context, StatusCodes.Status401Unauthorized, "Token required.", $"Send 'Authorization: Bearer <token>' or log in at POST /login (cookie {TokenCheck.CookieName}).");
    }

    /// <summary>The paths the token guards: the API, the live socket and the metrics (job counts and worker hosts are the cluster's business too).</summary>
    public static bool NeedsToken(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/ws", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
