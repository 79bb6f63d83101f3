using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Security;

/// <summary>
/// <c>POST /login</c> with a form field <c>token</c>: sets the <c>claudbot_token</c> cookie (HttpOnly,
/// SameSite=Strict) and answers 204; a wrong token is a 401 problem, too many tries a 429. <c>POST /logout</c> clears it.
/// </summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/login", LoginAsync).WithName("Login").WithTags("security").Produces(204).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429)
            .RequireRateLimiting(LoginRateLimit.Policy)
            .WithSummary("Form field token; sets the claudbot_token cookie.");
        app.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(TokenCheck.CookieName);
            return Results.NoContent();
        }).WithName("Logout").WithTags("security");
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Api.Problems.Field("token", "Send the token as a form field 'token' (application/x-www-form-urlencoded).");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        string? token = form["token"];
        if (!options.Value.RequiresToken)
        {
            return Results.NoContent();
        }

        if (!TokenCheck.Matches(token, options.Value.Token))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong token.", detail: "The token is not the one set in Dashboard:Token.");
        }

        context.Response.Cookies.Append(TokenCheck.CookieName, token!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(30),
        });
        return Results.NoContent();
    }
}
