using ClaudBot.MarketData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// <c>GET /api/data</c>: the node's symbols, aliases and newest day, so a client over SSH reads requests
/// ("HDFC", "last 3 years") against the data the backtests will run on, with no copy of it.
/// </summary>
internal static class DataEndpoints
{
    public static IEndpointRouteBuilder MapData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data", ([FromServices] IMarketData data) => Results.Ok(data.Listing()))
            .WithName("GetDataListing").WithTags("data").Produces<DataListing>()
            .WithSummary("The symbols of the node's data folder, their aliases and the newest day with a bar.");
        return app;
    }
}
