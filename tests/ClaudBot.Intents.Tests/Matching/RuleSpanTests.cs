using ClaudBot.Intents.Matching;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>Where a written rule starts and ends in a phrase, and that it reaches the slots as one word, as typed.</summary>
public sealed class RuleSpanTests
{
    [Theory]
    [InlineData("backtest buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70 on TCS last 3 years", "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70")]
    [InlineData("submit cluster job hold while sma(50) > sma(200) on INFY 2020-2024", "hold while sma(50) > sma(200)")]
    [InlineData("run hold while close is above ema(20) for INFY last 2 years", "hold while close is above ema(20)")]
    [InlineData("test BUY IF close > 1 then SELL IF close < 1 with tcs", "BUY IF close > 1 then SELL IF close < 1")]
    [InlineData("backtest long  while close > 1 on TCS over the last 3 years", "long  while close > 1")]
    [InlineData("check hold while close > sma(20).", "hold while close > sma(20)")]
    [InlineData("check hold while close > sma(20) ?", "hold while close > sma(20)")]
    [InlineData("backtest hold while close > 1\ton\tTCS", "hold while close > 1")]
    public void Find_RunsFromTheRuleStartToTheFirstJoiningWordOrTheEnd(string phrase, string rule)
    {
        var (start, length) = RuleSpan.Find(phrase)!.Value;

        Assert.Equal(rule, phrase.Substring(start, length));
    }

    [Theory]
    [InlineData("backtest hold while (close on 1) > 1 on TCS", "hold while (close on 1) > 1")]
    [InlineData("backtest hold while close[on] > 1 for TCS", "hold while close[on] > 1")]
    [InlineData("backtest hold while sma(50, close for) > 1 on TCS", "hold while sma(50, close for) > 1")]
    public void AJoiningWordInsideParenthesesOrBrackets_StaysInTheRule(string phrase, string rule)
    {
        var (start, length) = RuleSpan.Find(phrase)!.Value;

        Assert.Equal(rule, phrase.Substring(start, length));
    }

    [Theory]
    [InlineData("backtest buy and hold on TCS")]
    [InlineData("buy 100 shares of TCS")]
    [InlineData("backtest rsi on TCS")]
    [InlineData("rebuy when close > 1")]
    [InlineData("withhold while close > 1")]
    public void APhraseWithoutARuleStart_HasNoRule(string phrase) => Assert.Null(RuleSpan.Find(phrase));

    [Fact]
    public void Tokenize_KeepsTheRuleAsOneToken_WithItsSymbolsAndWords_AndDropsFillersAroundIt()
    {
        var tokens = TextNormalizer.Tokenize(
            "please backtest buy when close is below sma(20) and not (rsi(2) > 70), sell when close is above sma(20) on the TCS",
            new HashSet<string>(["please", "is", "the", "and", "not"]));

        Assert.Equal(
            [
                new Token("backtest", "backtest"),
                new Token("buy when close is below sma(20) and not (rsi(2) > 70), sell when close is above sma(20)", TextNormalizer.RuleWord),
                new Token("on", "on"),
                new Token("TCS", "tcs"),
            ],
            tokens);
    }
}
