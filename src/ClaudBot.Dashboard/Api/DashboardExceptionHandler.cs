using ClaudBot.Redis;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// Every unhandled error as problem details without a stack trace: malformed or oversized requests as
/// 400/413, Redis down as 503, anything else as 500 with a generic detail (the error goes to the log).
/// </summary>
internal sealed class DashboardExceptionHandler(IProblemDetailsService problems, ILogger<DashboardExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request too large.", "The request body is larger than the limit (Dashboard:MaxRequestBytes)."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request.", "The request is malformed."),
            RedisUnavailableException unavailable => (503, "The cluster is not reachable.", unavailable.Message),
            _ => (500, "Internal error.", "An unexpected error occurred; it was logged on the node."),
        };
        if (status >= 500 && exception is not RedisUnavailableException)
        {
            Log.RequestFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
