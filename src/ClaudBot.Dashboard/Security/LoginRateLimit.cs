using System.Globalization;
using System.Threading.RateLimiting;
using ClaudBot.Dashboard.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Security;

/// <summary>
/// <c>POST /login</c> allows <see cref="DashboardOptions.LoginAttemptsPerMinute"/> tries per client address
/// in a fixed one-minute window, so a token cannot be guessed at request speed; more get 429 with Retry-After.
/// </summary>
internal static class LoginRateLimit
{
    public const string Policy = "login";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(Policy, context =>
        {
            int permits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.LoginAttemptsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });
        });
        o.OnRejected = (rejected, _) => RejectAsync(rejected);
    });

    private static async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? retryAfter : Window;
        int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        Log.LoginThrottled(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginRateLimit)), context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(
            context, StatusCodes.Status429TooManyRequests, "Too many login attempts.", string.Create(CultureInfo.InvariantCulture, $"Try again in {seconds} s (Dashboard:LoginAttemptsPerMinute)."));
    }
}
