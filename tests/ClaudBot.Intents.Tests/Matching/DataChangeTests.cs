using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Slots;
using ClaudBot.MarketData;
using ClaudBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>
/// The matcher remembers how it read symbols and periods; data imported while it runs (a new symbol, a later last
/// day) is seen by the first phrase after <see cref="SlotParser.DataCheckInterval"/>, not after a restart.
/// </summary>
public sealed class DataChangeTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private readonly TempDirectory _userData = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Today, new TimeOnly(12, 0), TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.Zero };
    private readonly IntentMatcher _matcher;

    public DataChangeTests()
    {
        var store = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = ShippedMatcher.DataDirectory, UserDirectory = _userData.Path, UseCache = false }),
            NullLogger<MarketDataStore>.Instance);
        _matcher = new IntentMatcher(CatalogLoader.LoadFile(ShippedMatcher.CatalogFile), store, _clock);
    }

    [Fact]
    public void ASymbolImportedAfterItWasRefused_IsReadByTheNextPhrase()
    {
        var before = _matcher.Match("backtest rsi on ZZNEW 2020-2024", Today);
        Assert.Contains("ZZNEW", before.Error, StringComparison.Ordinal);

        Import("ZZNEW", new DateOnly(2026, 1, 20));
        Assert.NotNull(_matcher.Match("backtest rsi on ZZNEW 2020-2024", Today).Error);
        _clock.Advance(SlotParser.DataCheckInterval);

        var after = _matcher.Match("backtest rsi on ZZNEW 2020-2024", Today);
        Assert.Null(after.Error);
        Assert.Equal(["ZZNEW"], after.Slots["symbols"].Symbols);
    }

    [Fact]
    public void DataThatNowEndsLater_MovesTheEndOfARelativePeriodReadBefore()
    {
        var before = _matcher.Match("backtest rsi on TCS ytd", Today);
        Assert.Equal(new DateOnly(2026, 1, 23), before.Slots["period"].Period!.Value.To);

        Import("ZZLATE", new DateOnly(2026, 6, 30));
        _clock.Advance(SlotParser.DataCheckInterval);

        var after = _matcher.Match("backtest rsi on TCS ytd", Today);
        Assert.Equal(new DateSpan(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), after.Slots["period"].Period);
    }

    public void Dispose() => _userData.Dispose();

    // As an import does: the file renamed into place, which moves the folder's write time (set ahead here, so a coarse
    // file-system clock cannot leave it where it was).
    private void Import(string symbol, DateOnly lastDay)
    {
        var rows = Enumerable.Range(0, 3).Select(i => lastDay.AddDays(i - 2)).Select(day => $"{day:yyyy-MM-dd},100,101,99,100.5,1000");
        string staging = Path.Combine(Path.GetTempPath(), $"{symbol}-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(staging, ["Date,Open,High,Low,Close,Volume", .. rows]);
        File.Move(staging, _userData.Combine(symbol + ".csv"));
        Directory.SetLastWriteTimeUtc(_userData.Path, DateTime.UtcNow.AddMinutes(1));
    }
}
