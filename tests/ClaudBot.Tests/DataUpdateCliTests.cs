using System.Globalization;
using System.Text.Json;
using ClaudBot.Testing;
using ClaudBot.Testing.FakeMarket;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>
/// The real <c>claudbot data update</c> process against the fake market site (settings from the environment, as a user
/// would set them), over a test bundled folder (<c>--data</c>) and test stores (<c>--store</c>): its lines and exit codes,
/// offline, real waits for Retry-After, and kill -9 mid-run then a second run that finishes the job.
/// </summary>
public sealed class DataUpdateCliTests : IAsyncDisposable
{
    private static readonly DateOnly LastSession = new(2023, 11, 24);
    private readonly TempDirectory _folder = new("claudbot-update-cli-");
    private readonly FakeMarketData _market = new(FakeCalendar.Diwali2023(), ["TCS", "INFY", "RELIANCE"], [new FakeSplit("INFY", new DateOnly(2023, 11, 20), 2, 1)]);
    private readonly FakeMarketServer _site;

    public DataUpdateCliTests()
    {
        _site = FakeMarketServer.Start(_market);
        Directory.CreateDirectory(Bundled);
        foreach (string symbol in (string[])["TCS", "INFY"])
        {
            var lines = _market.Bars(symbol).Take(3).Select(b => string.Create(CultureInfo.InvariantCulture,
                $"{b.Day:yyyy-MM-dd} 00:00:00+05:30,{b.Open},{b.High},{b.Low},{b.Close},{b.Volume},0.0,0.0"));
            File.WriteAllLines(Path.Combine(Bundled, symbol + ".csv"), [BundledLayoutCsv.Header, .. lines]);
        }
    }

    private string Bundled => _folder.Combine("bundled");

    private int Added => _market.Calendar.Sessions.Count - 3;

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Update_Yahoo_PrintsTheSummaryAndALinePerSymbol_AndExitsZero()
    {
        var run = await UpdateAsync("store", "TCS", "INFY", "--to", "2023-11-24");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorLines);
        string first = _market.Calendar.Sessions[3].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                $"Updated 2 of 2 symbols from Yahoo to 2023-11-24: {2 * Added} rows added; 1 split recorded in actions.csv; 2 requests.",
                $"  TCS: {Added} added; {first} to 2023-11-24",
                $"  INFY: {Added} added; {first} to 2023-11-24",
            ],
            run.OutLines);
        Assert.Equal(_market.Bars("INFY"), StoredBars.Read(Path.Combine(_folder.Combine("store"), "INFY.csv"), "INFY"));
    }

    [Fact]
    public async Task Update_UnknownSymbol_IsAnErrorLine_TheOthersUpdate_AndTheExitCodeIsTwo()
    {
        var run = await UpdateAsync("store", "TCS", "NOSUCHCO", "--from", "2023-11-01", "--to", "2023-11-24");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"Updated 1 of 2 symbols from Yahoo to 2023-11-24: {Added} rows added;", run.OutLines[0], StringComparison.Ordinal);
        Assert.Equal(["Error: Yahoo has no NOSUCHCO.NS: No data found, symbol may be delisted"], run.ErrorLines);
    }

    [Fact]
    public async Task Update_Offline_SaysSoInOneLine_ExitsOne_AndChangesNothing()
    {
        Assert.Equal(0, (await UpdateAsync("store", "TCS", "--to", "2023-11-10")).ExitCode);
        var before = StoredBars.Snapshot(_folder.Combine("store"));

        var run = await UpdateAsync("store", new Uri($"http://127.0.0.1:{TestPorts.Free()}/"), "--source", "nse", "--to", "2023-11-24");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.OutLines);
        Assert.Equal(["Error: Offline: cannot reach 127.0.0.1 (connection refused); nothing was changed."], run.ErrorLines);
        Assert.Equal(before, StoredBars.Snapshot(_folder.Combine("store")));
    }

    [Fact]
    public async Task Update_TooManyRequests_WaitsTheRetryAfterForReal_AndSpacesEveryRequest()
    {
        _site.Script("/v8/finance/chart/TCS.NS", FakeFault.TooManyRequests(1));

        var run = await UpdateAsync("store", "TCS", "INFY", "--to", "2023-11-24");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("3 requests (1 retried).", run.OutLines[0], StringComparison.Ordinal);
        var requests = _site.Requests;
        Assert.Equal([429, 200, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].Arrived - requests[0].Answered >= TimeSpan.FromSeconds(0.95), $"asked again {requests[1].Arrived - requests[0].Answered} after the 429");
        Assert.True(requests[2].Arrived - requests[1].Arrived >= TimeSpan.FromMilliseconds(50), $"next request {requests[2].Arrived - requests[1].Arrived} after");
        Assert.All(requests, r => Assert.Equal(1, r.OpenAtArrival));
    }

    [Fact]
    public async Task Update_Yahoo_KilledMidRun_ThenRunAgain_EndsAsIfNeverInterrupted_WithoutAskingAgainForWhatWasDone()
    {
        // To the Saturday after the last session: TCS, done before the kill, still lacks that day; only the journal says it was asked.
        string[] args = ["TCS", "INFY", "RELIANCE", "--from", "2023-11-01", "--to", "2023-11-25"];
        Assert.Equal(0, (await UpdateAsync("whole", args)).ExitCode);
        _site.ClearRequests();
        var hang = new HangingRequest();
        _site.Script("/v8/finance/chart/INFY.NS", FakeFault.Hanging(hang));

        using (var first = Start("store", _site.Url, args))
        {
            await hang.Reached.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        Assert.Equal(["/v8/finance/chart/TCS.NS"], _site.Requests.Select(r => r.Path));
        _site.ClearRequests();
        var second = await UpdateAsync("store", args);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["/v8/finance/chart/INFY.NS", "/v8/finance/chart/RELIANCE.NS"], _site.Requests.Select(r => r.Path));
        AssertSameData("whole", "store", "TCS.csv", "INFY.csv", "RELIANCE.csv", "actions.csv");
        Assert.Equal(_market.Bars("RELIANCE"), StoredBars.Read(Path.Combine(_folder.Combine("store"), "RELIANCE.csv"), "RELIANCE"));
        Assert.Equal([("INFY", "yahoo"), ("RELIANCE", "yahoo"), ("TCS", "yahoo")], await SourcesAsync("store"));
    }

    [Fact]
    public async Task Update_Nse_KilledMidRun_ThenRunAgain_EndsAsIfNeverInterrupted_WithoutAskingAgainForWhatWasDone()
    {
        string[] args = ["TCS", "INFY", "--source", "nse", "--to", "2023-11-24"];
        Assert.Equal(0, (await UpdateAsync("whole", args)).ExitCode);
        _site.ClearRequests();
        // Held the day after the holiday (the 14th): its 404 stores nothing, so only the journal spares asking it again.
        var held = new DateOnly(2023, 11, 15);
        var hang = new HangingRequest();
        _site.Script(BhavcopyZip.PathOf(held), FakeFault.Hanging(hang));

        using (var first = Start("store", _site.Url, args))
        {
            await hang.Reached.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        var done = _site.Requests.Where(r => r.Status is 200 or 404).Select(r => r.Path).ToList();
        Assert.Contains(BhavcopyZip.PathOf(new DateOnly(2023, 11, 12)), done);
        Assert.Contains(BhavcopyZip.PathOf(new DateOnly(2023, 11, 14)), done);
        _site.ClearRequests();
        var second = await UpdateAsync("store", args);

        Assert.Equal(0, second.ExitCode);
        var asked = _site.Requests.Select(r => r.Path).ToList();
        Assert.Empty(asked.Intersect(done));
        Assert.Equal(BhavcopyZip.PathOf(held), asked[0]);
        Assert.Equal(LastSession.DayNumber - held.DayNumber + 1, asked.Count);
        AssertSameData("whole", "store", "TCS.csv", "INFY.csv");
        Assert.Equal(_market.Bars("TCS"), StoredBars.Read(Path.Combine(_folder.Combine("store"), "TCS.csv"), "TCS"));
        Assert.Equal([("INFY", "nse"), ("TCS", "nse")], await SourcesAsync("store"));
    }

    private void AssertSameData(string expected, string actual, params string[] files)
    {
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(_folder.Combine(expected), file)), File.ReadAllText(Path.Combine(_folder.Combine(actual), file)));
        }

        Assert.Empty(Directory.GetFiles(_folder.Combine(actual), "*.partial", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(_folder.Combine(actual), ".update", "journal.json")));
    }

    private async Task<List<(string?, string?)>> SourcesAsync(string store)
    {
        var run = await Cli.RunAsync("data", "--data", Bundled, "--store", _folder.Combine(store), "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Raw);
        return [.. json.RootElement.GetProperty("symbols").EnumerateArray()
            .Select(s => (s.GetProperty("symbol").GetString(), s.GetProperty("source").GetString()))];
    }

    private Task<CliResult> UpdateAsync(string store, params string[] args) => UpdateAsync(store, _site.Url, args);

    private async Task<CliResult> UpdateAsync(string store, Uri site, params string[] args)
    {
        using var process = Start(store, site, args);
        return await process.ResultAsync();
    }

    private CliProcess Start(string store, Uri site, string[] args) => CliProcess.Start(_folder.Path, new Dictionary<string, string>
    {
        ["CLAUDBOT_HOME"] = _folder.Combine("home"),
        ["CLAUDBOT_MarketData__Update__YahooUrl"] = site.AbsoluteUri,
        ["CLAUDBOT_MarketData__Update__NseUrl"] = site.AbsoluteUri,
        ["CLAUDBOT_MarketData__Update__MinInterval"] = "00:00:00.05",
    }, ["data", "update", .. args, "--data", Bundled, "--store", _folder.Combine(store)]);
}
