using System.Text.Json;
using ClaudBot.Dashboard.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// Reads a JSON request body the same way for every endpoint that takes one: a body over
/// <see cref="DashboardOptions.MaxRequestBytes"/> is a 413, a body that is not the expected JSON a 400 naming the field.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer instead (the body may still be null: JSON <c>null</c>).</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, int limit, CancellationToken cancellationToken)
        where T : class
    {
        if (context.Request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(context.Request.Body, DashboardJson.Options, cancellationToken), null);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }
        catch (JsonException invalid)
        {
            // The path is "$.field" or "$.field[0]": name the top-level field the client got wrong.
            string? field = invalid.Path is { Length: > 2 } path ? path[2..].Split('[', '.')[0] : null;
            return (null, Problems.Field(field, field is null ? "The body is not valid JSON." : $"'{field}' has the wrong type or form."));
        }
    }
}
