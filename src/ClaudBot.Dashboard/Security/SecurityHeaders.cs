using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Security;

/// <summary>
/// Headers on every response, errors included (added when the response starts, after the exception
/// handler has cleared the headers): the pages load only the node's own scripts, styles and sockets,
/// no other site may frame them, and no browser guesses a content type.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // The pages use external scripts and stylesheets only; 'self' covers ws:// to the same host in CSP 3 browsers.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
