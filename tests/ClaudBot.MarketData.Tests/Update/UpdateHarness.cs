using System.Globalization;
using ClaudBot.MarketData.Update;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>
/// A bundled folder, a user store and the fake market site, with an updater pointed at the site for each run. The
/// clock jumps over waits (<see cref="JumpingClock"/>) and starts the day after the calendar ends.
/// </summary>
internal sealed class UpdateHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("claudbot-update-");

    private UpdateHarness(FakeMarketData market, Action<UpdateOptions>? configure)
    {
        Site = FakeMarketServer.Start(market);
        Directory.CreateDirectory(Bundled);
        var last = market.Calendar.Sessions[^1].Day.AddDays(1);
        Clock = new JumpingClock(new DateTimeOffset(last.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Settings = new UpdateOptions { YahooUrl = Site.Url, NseUrl = Site.Url, MinInterval = TimeSpan.Zero };
        configure?.Invoke(Settings);
    }

    public FakeMarketServer Site { get; }

    public FakeMarketData Market => Site.Market;

    public JumpingClock Clock { get; }

    public UpdateOptions Settings { get; }

    public string Bundled => _folder.Combine("bundled");

    public string Store => _folder.Combine("store");

    public static UpdateHarness Start(FakeMarketData market, Action<UpdateOptions>? configure = null) => new(market, configure);

    /// <summary>Writes the symbol's first <paramref name="sessions"/> fixture bars to the bundled folder, in its layout.</summary>
    public void Bundle(string symbol, int sessions)
    {
        var lines = Market.Bars(symbol).Take(sessions).Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.Day:yyyy-MM-dd} 00:00:00+05:30,{b.Open},{b.High},{b.Low},{b.Close},{b.Volume},0.0,0.0"));
        File.WriteAllLines(Path.Combine(Bundled, symbol + ".csv"), [BundledLayoutCsv.Header, .. lines]);
    }

    public MarketDataStore Data() => Stores.Create(Bundled, configure: o =>
    {
        o.UserDirectory = Store;
        o.UseCache = false;
    });

    public Task<UpdateReport> RunAsync(UpdateRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(request, Site.Url, cancellationToken);

    /// <summary>A run whose sources are both at <paramref name="url"/> (a closed port, for offline).</summary>
    public async Task<UpdateReport> RunAsync(UpdateRequest request, Uri url, CancellationToken cancellationToken = default)
    {
        var options = new UpdateOptions
        {
            YahooUrl = url,
            NseUrl = url,
            MinInterval = Settings.MinInterval,
            MaxAttempts = Settings.MaxAttempts,
            MaxRetryAfter = Settings.MaxRetryAfter,
            Timeout = Settings.Timeout,
        };
        var data = Data();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var updater = new MarketDataUpdater(data, Microsoft.Extensions.Options.Options.Create(new MarketDataOptions { Directory = Bundled, UserDirectory = Store }),
            Microsoft.Extensions.Options.Options.Create(options), http, Clock);
        return await updater.RunAsync(request, null, cancellationToken);
    }

    public IReadOnlyList<FakeBar> Stored(string symbol) => StoredBars.Read(Path.Combine(Store, symbol + ".csv"), symbol);

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        _folder.Dispose();
    }
}
