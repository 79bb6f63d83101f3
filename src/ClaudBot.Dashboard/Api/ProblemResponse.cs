using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// The one shape of a refusal written by middleware (before any endpoint runs): the status code and a problem body with
/// a title and a one-line detail, as the endpoints' <see cref="Problems"/> results give.
/// </summary>
internal static class ProblemResponse
{
    public static ValueTask WriteAsync(this IProblemDetailsService problems, HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new() { Status = status, Title = title, Detail = detail },
        });
    }
}
