using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Tests.Support;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.Tests.WalkForward;

/// <summary>
/// Walk-forward analyses against the independent Python reference (walkforward.json): rolling and anchored windows,
/// months and days, a step longer than the out-of-sample part (gaps held in cash), a flat cost, Zerodha's charges with
/// whole shares and a fixed amount, slippage and a stop. Picks, every window's figures, the stitched curve bar by bar
/// and its trades, the defaults, buy and hold and the efficiencies agree to 1e-9.
/// </summary>
public sealed class WalkForwardReferenceTests
{
    public static TheoryData<string, string> Symbols()
    {
        var data = new TheoryData<string, string>();
        foreach (var json in WalkForwardCase.All())
        {
            foreach (string symbol in new WalkForwardCase(json).Symbols)
            {
                data.Add(json.GetProperty("name").GetString()!, symbol);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public void WalkForward_MatchesIndependentReference(string name, string symbol)
    {
        var reference = WalkForwardCase.Named(name);

        var outcome = reference.Run(symbol);

        reference.AssertMatches(symbol, outcome);
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public void StitchedTrades_MatchIndependentReference(string name, string symbol)
    {
        var reference = WalkForwardCase.Named(name);
        var bars = TestBars.Load(symbol);
        var grid = reference.Grid();
        var outcome = reference.Run(symbol);
        var segments = reference.Windows()
            .Select((w, k) => new OutOfSampleSegment(BarRange.Resolve(bars, w.OutFrom, w.OutTo), outcome.Windows[k].Pick is { } pick ? grid[pick] : null))
            .ToArray();

        var stitched = OutOfSampleStitcher.Stitch(new Backtester(), bars, segments, reference.Settings);

        reference.AssertTrades(symbol, bars, stitched.Trades);
    }

    [Fact]
    public void Windows_AreThoseOfTheReference()
    {
        foreach (var json in WalkForwardCase.All())
        {
            var planned = new WalkForwardCase(json).Windows();
            var expected = json.GetProperty("results").EnumerateObject().First().Value.GetProperty("windows").EnumerateArray().ToArray();
            Assert.Equal(
                expected.Select(w => (ReferenceAssert.Date(w, "in_from"), ReferenceAssert.Date(w, "in_to"), ReferenceAssert.Date(w, "out_from"), ReferenceAssert.Date(w, "out_to"))),
                planned.Select(w => (w.InFrom, w.InTo, w.OutFrom, w.OutTo)));
        }
    }
}
