using Microsoft.Extensions.Options;

namespace ClaudBot.MarketData.Tests.Support;

/// <summary>Builds stores over a test folder.</summary>
public static class Stores
{
    public static MarketDataStore Create(string directory, ListLogger<MarketDataStore>? logger = null, Action<MarketDataOptions>? configure = null)
    {
        var options = new MarketDataOptions { Directory = directory };
        configure?.Invoke(options);
        return new MarketDataStore(Options.Create(options), logger ?? new ListLogger<MarketDataStore>());
    }
}
