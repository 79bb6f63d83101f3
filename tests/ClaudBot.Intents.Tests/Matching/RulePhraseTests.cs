using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Tests.Slots;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>Written rules in phrases, on the shipped catalogue: the slot holds the canonical rule; errors show where.</summary>
public sealed class RulePhraseTests
{
    private static readonly DateOnly Today = ShippedMatcher.Today;

    [Theory]
    [InlineData("backtest buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70 on TCS last 3 years")]
    [InlineData("test buy when rsi(2) < 10 and close > sma(200) ; sell when rsi(2) > 70 on TCS")]
    [InlineData("submit cluster job buy when rsi(2) < 10 and close is above sma(200) then sell when rsi(2) is greater than 70 for TCS")]
    [InlineData("please run BUY WHEN RSI(2) < 10 AND CLOSE > SMA(200), SELL WHEN RSI(2) > 70 over tcs")]
    public void ParaphrasesOfOneRule_MapToSubmit_WithTheCanonicalRuleInTheSlot(string phrase)
    {
        var match = ShippedMatcher.Instance.Match(phrase, Today);

        Assert.Equal("submit_cluster_job", match.Intent);
        Assert.True(match.IsActionable);
        var strategies = match.Slots["strategies"];
        Assert.Equal("buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70", strategies.StrategyText);
        Assert.Equal(strategies.StrategyText, strategies.Rule!.Text);
        Assert.Equal(["TCS"], match.Slots["symbols"].Symbols!);
    }

    [Fact]
    public void ARuleWithAnError_IsRejected_WithTheMessageAndTheCaretUnderTheColumn()
    {
        var match = ShippedMatcher.Instance.Match("backtest buy when smaa(2) < 10, sell when rsi(2) > 70 on TCS", Today);

        Assert.Equal("submit_cluster_job", match.Intent);
        Assert.False(match.IsActionable);
        Assert.Equal("unknown indicator 'smaa' at column 10: did you mean sma?\nbuy when smaa(2) < 10, sell when rsi(2)...\n         ^", match.Error);
        Assert.Equal("buy when smaa(2) < 10, sell when rsi(2) …", match.Invalid["strategies"]);
    }

    [Fact]
    public void ARuleGivenAsTheAnswerToWhichStrategies_FillsTheSlot()
    {
        var partial = ShippedMatcher.Instance.Match("submit job", Today);

        var answered = ShippedMatcher.Instance.Answer(partial, "hold while sma(50) is above sma(200)", Today);

        Assert.Equal("hold while sma(50) > sma(200)", answered.Slots["strategies"].StrategyText);
        Assert.Equal(["symbols"], answered.Missing);
    }

    [Fact]
    public void ARuleLongerThanAPhraseMayBe_IsStillRead_AndTheRestOfThePhraseKeepsItsOwnLimit()
    {
        string rule = "hold while " + string.Join(" or ", Enumerable.Range(1, 30).Select(n => $"close > {1_000_000 + n}"));

        var match = ShippedMatcher.Instance.Match($"backtest {rule} on TCS", Today);

        Assert.True(rule.Length > 500);
        Assert.True(match.IsActionable);
        Assert.Equal(rule, match.Slots["strategies"].StrategyText);
    }

    [Fact]
    public void ASavedName_RunsItsRule_AndANameSavedAfterAFailedLookupIsFound()
    {
        var saved = new InMemorySavedRules();
        var matcher = new IntentMatcher(ShippedMatcher.Catalog, ShippedMatcher.MarketData, new FixedClock(new DateTimeOffset(Today, new TimeOnly(12, 0), TimeSpan.Zero)), saved);

        var before = matcher.Match("backtest rsi2 on TCS", Today);
        Assert.Equal("Unknown strategy 'rsi2'. Did you mean rsi? Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.", before.Error);

        saved.Save("rsi2", "buy when rsi(2) < 10, sell when rsi(2) > 70");
        var after = matcher.Match("backtest rsi2 on TCS", Today);

        Assert.True(after.IsActionable);
        Assert.Equal("buy when rsi(2) < 10, sell when rsi(2) > 70", after.Slots["strategies"].StrategyText);
        Assert.Equal("rsi2", after.Slots["strategies"].SavedName);
    }

    [Fact]
    public void SaveItAs_TakesTheNameAsTyped()
    {
        var match = ShippedMatcher.Instance.Match("save this rule as RSI2", Today);

        Assert.Equal("save_rule", match.Intent);
        Assert.Equal(SlotType.Name, match.Slots["name"].Type);
        Assert.Equal("RSI2", match.Slots["name"].Choice);
    }
}
