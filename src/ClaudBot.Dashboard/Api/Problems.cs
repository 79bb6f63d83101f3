using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Api;

/// <summary>Problem-details results the endpoints return; a bad input names its field.</summary>
internal static class Problems
{
    /// <summary>400 whose detail is the one-line message and whose <c>field</c> and <c>errors</c> name the bad field.</summary>
    public static IResult Field(string? field, string detail)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null)
        {
            extensions["field"] = field;
            extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }

        return Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", extensions: extensions);
    }

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Not possible in the job's state.");

    public static string TooLargeDetail(int limit) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The request body is larger than the limit of {limit} bytes (Dashboard:MaxRequestBytes).");

    public static IResult TooLarge(int limit) => Results.Problem(
        detail: TooLargeDetail(limit),
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large.");
}
