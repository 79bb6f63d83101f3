using ClaudBot.Dashboard.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Security;

/// <summary>
/// Without a token the dashboard trusts whoever reaches it on loopback, so it must be sure the request
/// was meant for loopback: a Host other than localhost or a loopback IP is a page on another site whose
/// name now resolves to 127.0.0.1 (DNS rebinding), and gets 400 before any endpoint runs.
/// </summary>
internal sealed class LoopbackHostFilter(RequestDelegate next, IOptions<DashboardOptions> options, ILogger<LoopbackHostFilter> logger)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        string host = context.Request.Host.Value ?? string.Empty;
        if (options.Value.RequiresToken || BindAddress.IsLoopbackHost(host))
        {
            await next(context);
            return;
        }

        Log.ForeignHost(logger, Excerpt.Of(host));
        await problems.WriteAsync(
            context, StatusCodes.Status400BadRequest, "Wrong host.", $"Host '{Excerpt.Of(host)}' is not a loopback name: without Dashboard:Token the dashboard answers only to localhost, 127.0.0.1 or [::1].");
    }
}
