using System.Globalization;
using ClaudBot.Bot.Replies;
using ClaudBot.Targets;
using ClaudBot.Testing;
using ClaudBot.Testing.FakeMarket;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Bot.Tests.Actions;

/// <summary>
/// "update data" in a chat: the bot fetches from the fake Yahoo site into its home's store, answers with the summary
/// line and asks the target to push the new bars; only an operator may ask. The bot's clock is fixed on Sunday
/// 29 November 2026, so the last settled session is the Friday before.
/// </summary>
public sealed class DataUpdateChatTests : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("claudbot-update-chat-");
    private readonly FakeMarketData _market = new(
        new FakeCalendar(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 27), [new DateOnly(2026, 11, 24)], [new DateOnly(2026, 11, 8)]), ["TCS"]);

    private readonly FakeMarketServer _site;
    private readonly RecordingTarget _target = new();

    public DataUpdateChatTests()
    {
        _site = FakeMarketServer.Start(_market);
        Directory.CreateDirectory(Bundled);
        var lines = _market.Bars("TCS").Take(3).Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.Day:yyyy-MM-dd} 00:00:00+05:30,{b.Open},{b.High},{b.Low},{b.Close},{b.Volume},0.0,0.0"));
        File.WriteAllLines(Path.Combine(Bundled, "TCS.csv"), [BundledLayoutCsv.Header, .. lines]);
    }

    private string Bundled => _folder.Combine("bundled");

    private string Store => _folder.Combine("store");

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task UpdateData_ByAnOperator_RepliesWithTheSummary_StoresTheBars_AndPushesThem()
    {
        await using var bot = await StartAsync(_site.Url);

        var reply = await bot.SayAsync("update data");

        Assert.True(reply.Succeeded);
        Assert.Equal("update_data", reply.Intent);
        var texts = reply.Parts.OfType<TextPart>().ToList();
        int added = _market.Calendar.Sessions.Count - 3;
        Assert.Equal($"Updated 1 of 1 symbol from Yahoo to 2026-11-28: {added} rows added; 1 request.", texts[0].Text);
        Assert.Equal(ReplyTone.Success, texts[0].Tone);
        Assert.Equal("pushed", texts[^1].Text);
        Assert.Equal([Store], _target.Pushes);
        Assert.Equal(_market.Bars("TCS"), StoredBars.Read(Path.Combine(Store, "TCS.csv"), "TCS"));
    }

    [Fact]
    public async Task UpdateData_ByAViewer_IsRefused_AndFetchesAndPushesNothing()
    {
        await using var bot = await StartAsync(_site.Url);

        var reply = await bot.SayAsync("update data", BotHarness.Viewer);

        Assert.False(reply.Succeeded);
        Assert.Contains("your role (viewer)", BotHarness.Text(reply), StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
        Assert.Empty(_target.Pushes);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task UpdateData_Offline_IsOneErrorLine_AndPushesNothing()
    {
        await using var bot = await StartAsync(new Uri($"http://127.0.0.1:{TestPorts.Free()}/"));

        var reply = await bot.SayAsync("update data");

        Assert.False(reply.Succeeded);
        var line = Assert.Single(reply.Parts.OfType<TextPart>());
        Assert.Equal("Offline: cannot reach 127.0.0.1 (connection refused); nothing was changed.", line.Text);
        Assert.Empty(_target.Pushes);
        Assert.False(Directory.Exists(Store));
    }

    private Task<BotHarness> StartAsync(Uri site) => BotHarness.StartAsync(
        fakeClock: true,
        settings: new Dictionary<string, string?>
        {
            ["MarketData:Directory"] = Bundled,
            ["MarketData:UserDirectory"] = Store,
            ["MarketData:Update:YahooUrl"] = site.AbsoluteUri,
            ["MarketData:Update:MinInterval"] = "00:00:00",
        },
        services: s => s.AddSingleton<IClusterTarget>(_target));
}
