using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaudBot.MarketData;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Ssh;

/// <summary>
/// The server's data as the bot reads requests with the ssh target: symbols, aliases and the newest day come from
/// the node's listing (<c>GET /api/data</c> through the API tunnel), so "HDFC" and "last 3 years" mean what they
/// will mean where the backtests run. Fetched on first use and again after <see cref="ListingLifetime"/>. While
/// the node's API does not answer (node stopped, server away), the last listing serves, or before any this
/// program's bundled copy; bars, needed here only on that fallback path, come from the bundled copy too.
/// </summary>
internal sealed partial class ServerMarketData(
    IClusterTarget target, MarketDataStore bundled, IConfiguration configuration, TimeProvider time, ILogger<ServerMarketData> logger) : IMarketData, IDisposable
{
    private static readonly TimeSpan ListingLifetime = TimeSpan.FromMinutes(5);

    // A server that does not answer costs a connect timeout: not on every phrase.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Lock _gate = new();
    private ListedMarketData? _listed;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _failedAt = DateTimeOffset.MinValue;

    public IReadOnlyList<string> Symbols => Current().Symbols;

    public DateOnly? LastDay => Current().LastDay;

    public DataListing Listing() => Current().Listing();

    public SymbolResolution Resolve(string text) => Current().Resolve(text);

    public IReadOnlyList<SymbolResolution> ResolveAll(IEnumerable<string> texts) => Current().ResolveAll(texts);

    public ValueTask<LoadedSeries> LoadAsync(string symbol, bool? lenient = null, CancellationToken cancellationToken = default) =>
        bundled.LoadAsync(symbol, lenient, cancellationToken);

    public void Dispose() => _http.Dispose();

    private IMarketData Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _fetchedAt < ListingLifetime || now - _failedAt < RetryAfter)
            {
                return (IMarketData?)_listed ?? bundled;
            }

            try
            {
                // Synchronous because IMarketData is (the intent matcher reads it while parsing); callers are on
                // the thread pool, and the wait is bounded by the SSH connect timeout and the HTTP timeout.
                _listed = new ListedMarketData(FetchAsync().GetAwaiter().GetResult());
                _fetchedAt = now;
            }
            catch (Exception failure) when (failure is ClusterTargetException or HttpRequestException or TaskCanceledException or JsonException or MarketDataException)
            {
                _failedAt = now;
                LogListingUnavailable(logger, failure.Message, _listed is null ? "this program's bundled data" : "the last listing");
            }

            return (IMarketData?)_listed ?? bundled;
        }
    }

    private async Task<DataListing> FetchAsync()
    {
        var api = await target.NodeApiAsync(CancellationToken.None).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, "api/data"));
        if (configuration["Dashboard:Token"] is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{api} answered GET /api/data with {(int)response.StatusCode}.");
        }

        return await response.Content.ReadFromJsonAsync(DataListingJson.Default.DataListing).ConfigureAwait(false)
            ?? throw new JsonException("The node's data listing was empty.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server's data listing is not available ({Reason}); reading requests with {Fallback} for now")]
    private static partial void LogListingUnavailable(ILogger logger, string reason, string fallback);
}
