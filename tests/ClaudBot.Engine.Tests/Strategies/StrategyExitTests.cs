using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Strategies;

/// <summary>Stops, targets and trails written as strategy parameters: on built-ins, on rules, in grids, and refused when out of range.</summary>
public sealed class StrategyExitTests
{
    private static IReadOnlyList<StrategyParameters> Parse(string text) => StrategyParser.Parse(text).Parameters;

    [Fact]
    public void BuiltIn_CarriesItsExits_AndItsTextParsesBackToAnEqualStrategy()
    {
        var strategy = Parse("sma_cross(fast=10, slow=50, stop=4%, target=12%)").Single();

        Assert.Equal(new ExitRules(Stop: 0.04, Target: 0.12), strategy.Exits);
        Assert.Equal("sma_cross(fast=10, slow=50, stop=4%, target=12%)", strategy.ToString());
        Assert.Equal("sma_cross(fast=10, slow=50, stop=4%, target=12%)", strategy.ToShortString());
        Assert.Equal("rsi(stop=4%)", Parse("rsi(stop=4%)").Single().ToShortString());
        Assert.Equal(strategy, Parse(strategy.ToString()).Single());
        Assert.NotEqual(strategy, Parse("sma_cross(fast=10, slow=50, stop=4%)").Single());
    }

    [Fact]
    public void PercentSign_IsOptional_ExitsAreAlwaysPercents()
    {
        Assert.Equal(Parse("rsi(trail=2.5%)").Single(), Parse("rsi(trail=2.5)").Single());
        Assert.Equal(0.025, Parse("buy_hold(trail=2.5)").Single().Exits.Trail);
    }

    [Fact]
    public void ExitGrid_ExpandsLikeAnyParameter()
    {
        Assert.Equal(
            [
                "rsi(period=7, lower=30, upper=70, stop=3%)", "rsi(period=7, lower=30, upper=70, stop=5%)",
                "rsi(period=14, lower=30, upper=70, stop=3%)", "rsi(period=14, lower=30, upper=70, stop=5%)",
            ],
            Parse("rsi(period=7|14, stop=3%|5%)").Select(p => p.ToString()));
        Assert.Equal(4, StrategyParser.ParseRequests("macd(trail=2..8 step 2)").Single().Combinations);
    }

    [Theory]
    [InlineData("rsi(stop=100%)", "'rsi(stop=100%)': A stop of 100% is out of range: it must be above 0% and below 100%.")]
    [InlineData("rsi(target=-5%)", "'rsi(target=-5%)': A target of -5% is out of range: it must be above 0%.")]
    [InlineData("rsi(trail=0)", "'rsi(trail=0)': A trail of 0% is out of range: it must be above 0% and below 100%.")]
    [InlineData("rsi(stop=4%, stop=5%)", "'rsi(stop=4%, stop=5%)': stop is given twice.")]
    [InlineData("rsi(stop=four)", "'rsi(stop=four)': stop must be a number, not 'four'.")]
    public void BadExit_IsRefusedWithOneLine(string text, string message)
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Rule_EndsWithItsExits_InCanonicalOrder()
    {
        var rule = Parse("buy when rsi(2) < 10, sell when rsi(2) > 70, target 12%, stop 5%").Single();

        Assert.Equal(new ExitRules(Stop: 0.05, Target: 0.12), rule.Exits);
        Assert.Equal("buy when rsi(2) < 10, sell when rsi(2) > 70, stop 5%, target 12%", rule.ToString());
        Assert.Equal(rule, Parse(rule.ToString()).Single());
    }

    [Theory]
    [InlineData("hold while close > sma(200) with a 5% stop")]
    [InlineData("hold while close > sma(200), stop loss at 5%")]
    [InlineData("hold while close > sma(200); stop of 5")]
    public void Rule_ExitPhrasings_AllReadAsOneStop(string text)
    {
        var rule = Parse(text).Single();

        Assert.Equal("hold while close > sma(200), stop 5%", rule.ToString());
        Assert.Equal(0.05, rule.Exits.Stop);
    }

    [Fact]
    public void Rule_TwoExitsJoinedByAnd_ReadAsBoth()
    {
        var rule = Parse("buy when close crosses above sma(20), sell when close crosses below sma(20) with a 5% stop and a 10% target").Single();

        Assert.Equal(new ExitRules(Stop: 0.05, Target: 0.10), rule.Exits);
    }

    [Fact]
    public void Rule_ExitGrid_GivesOneRulePerValue()
    {
        var rules = Parse("hold while close > sma(50), trailing stop of 3%|5%, target 10..20 step 10");

        string[] expected =
        [
            "hold while close > sma(50), target 10%, trail 3%", "hold while close > sma(50), target 10%, trail 5%",
            "hold while close > sma(50), target 20%, trail 3%", "hold while close > sma(50), target 20%, trail 5%",
        ];
        Assert.Equal(expected, rules.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("hold while close > sma(50), stop 150%", "A stop of 150% is out of range: it must be above 0% and below 100% (column 34)")]
    [InlineData("hold while close > sma(50), stop 5%, stop 6%", "the rule gives a stop twice; the second starts at column 38")]
    [InlineData("hold while close > sma(50), with a 5%", "expected stop, target or trail after '%' at column 38")]
    public void Rule_BadExit_IsRefusedAtItsColumn(string text, string message)
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ApplyParameters_PutsAStopOnEveryStrategyOfTheList_KeepingInlineExits()
    {
        string applied = StrategyParser.ApplyParameters("rsi(trail=3%),macd", [("stop", "5%")]);

        Assert.Equal("rsi(stop=5%, trail=3%),macd(stop=5%)", applied);
    }

    [Theory]
    [InlineData("rsi,macd(fast=5)", "rsi(stop=5%, trail=2.5%),macd(fast=5, stop=5%, trail=2.5%)")]
    [InlineData("rsi(stop=3%)", "rsi(stop=5%, trail=2.5%)")]
    [InlineData("hold while close > sma(50)", "hold while close > sma(50), stop 5%, trail 2.5%")]
    [InlineData("mine", "hold while close > sma(20), stop 5%, trail 2.5%")]
    public void RequestExits_AreWrittenIntoTheText(string text, string expected)
    {
        var saved = new SavedRule("mine", "hold while close > sma(20)");

        Assert.Equal(expected, RequestExits.Apply(text, new ExitRules(Stop: 0.05, Trail: 0.025), saved));
        Assert.Equal(text, RequestExits.Apply(text, ExitRules.None, saved));
    }

    [Fact]
    public void RequestExit_ThatTheRuleAlreadyHas_IsRefused()
    {
        var error = Assert.Throws<StrategySpecException>(() => RequestExits.Apply("hold while close > sma(50), target 9%", new ExitRules(Target: 0.1)));

        Assert.Equal("The rule already ends with a target; give the target in one place.", error.Message);
    }

    private sealed class SavedRule(string name, string rule) : ISavedRules
    {
        public IReadOnlyCollection<string> Names => [name];

        public string? Find(string text) => text == name ? rule : null;
    }

    [Fact]
    public void WrittenExits_RunAsTheEngineExits()
    {
        var bars = TestBars.Load("TCS");
        var range = BarRange.Resolve(bars, bars.FirstDate, bars.LastDate);
        var settings = new SimulationSettings(CostBps: 10);
        var written = Parse("sma_cross(fast=10, slow=50, stop=4%, trail=6%)").Single();
        var given = StrategyCatalog.SmaCross.Create(new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 50 }).WithExits(new ExitRules(Stop: 0.04, Trail: 0.06));
        var plain = Parse("sma_cross(fast=10, slow=50)").Single();

        var a = new Backtester().Run(written, bars, range, settings);
        var b = new Backtester().Run(given, bars, range, settings);
        var c = new Backtester().Run(plain, bars, range, settings);

        Assert.Equal(b.Metrics, a.Metrics);
        Assert.Contains(a.Trades, t => t.Reason is ExitReason.Stop or ExitReason.Trail);
        Assert.DoesNotContain(c.Trades, t => t.Reason is ExitReason.Stop or ExitReason.Trail);
        Assert.NotEqual(c.Metrics.TotalReturn, a.Metrics.TotalReturn);
    }

    [Fact]
    public void RuleExits_RunAsTheEngineExits()
    {
        var bars = TestBars.Load("TCS");
        var range = BarRange.Resolve(bars, bars.FirstDate, bars.LastDate);
        var settings = new SimulationSettings(CostBps: 10);

        var rule = new Backtester().Run(Parse("hold while close > sma(50), stop 4%").Single(), bars, range, settings);
        var plain = new Backtester().Run(Parse("hold while close > sma(50)").Single(), bars, range, settings);

        Assert.Contains(rule.Trades, t => t.Reason == ExitReason.Stop);
        Assert.DoesNotContain(plain.Trades, t => t.Reason == ExitReason.Stop);
    }
}
