using System.Net;

namespace ClaudBot.MarketData.Update;

/// <summary>A source's answer, read whole: its status and body, and how long it asked to be left alone (429, 503).</summary>
internal sealed record Fetched(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Worth asking again: too many requests, or the server's own trouble.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
}
