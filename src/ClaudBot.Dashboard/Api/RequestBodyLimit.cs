using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// A request announcing a body over <see cref="DashboardOptions.MaxRequestBytes"/> gets a 413 problem on any
/// path, before routing. Kestrel alone would close the connection with the body unread, which the client
/// sees as a reset while it is still sending; here the answer is flushed first and the rest of the body
/// read and dropped (up to <see cref="DrainLimit"/>), so the client reads the 413.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<DashboardOptions> options)
{
    /// <summary>Most bytes read and dropped after the answer; past it the connection is closed.</summary>
    public const long DrainLimit = 64L * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        int limit = options.Value.MaxRequestBytes;
        long? announced = context.Request.ContentLength;
        if (announced is null || announced <= limit)
        {
            await next(context);
            return;
        }

        // Reading what is dropped must not trip Kestrel's own limit (set for this request only, before any read).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        context.Response.Headers.Connection = "close";
        await problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large.", Problems.TooLargeDetail(limit));
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (announced <= DrainLimit)
        {
            await DrainAsync(context.Request.Body, context.RequestAborted);
        }
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
                // Dropped: the answer is already sent.
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client gave up sending, or sent too slowly (Kestrel's minimum data rate): the answer is out.
        }
    }
}
