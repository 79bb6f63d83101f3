using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>Ask and remember: a required slot missing from the phrase is asked for, and the answer fills it.</summary>
public sealed class MatcherTests
{
    private static readonly DateOnly Today = ShippedMatcher.Today;
    // The bundled data ends on 2026-01-23, before Today, so the default "last 3 years" ends there.
    private static readonly DateSpan LastThreeYears = new(new DateOnly(2023, 1, 23), new DateOnly(2026, 1, 23));
    private readonly IntentMatcher _matcher = ShippedMatcher.Instance;

    [Fact]
    public void SubmitWithoutSymbols_AsksForThem_AndTheAnswerFillsThemKeepingStrategiesAndDefaultPeriod()
    {
        var partial = _matcher.Match("submit job rsi", Today);

        Assert.Equal("submit_cluster_job", partial.Intent);
        Assert.Equal(["symbols"], partial.Missing);
        Assert.False(partial.IsActionable);
        Assert.Equal("On which symbols? (e.g. TCS, INFY, nifty50)", _matcher.Question(partial.Intent!, partial.Missing[0]));

        var answered = _matcher.Answer(partial, "tcs and infy", Today);

        Assert.Equal("submit_cluster_job", answered.Intent);
        Assert.Equal(["TCS", "INFY"], answered.Slots["symbols"].Symbols!);
        Assert.Equal("rsi", answered.Slots["strategies"].StrategyText);
        Assert.Equal("rsi(period=14, lower=30, upper=70)", Assert.Single(answered.Slots["strategies"].Strategies!).ToString());
        Assert.Equal(LastThreeYears, answered.Slots["period"].Period);
        Assert.Equal(["period"], answered.Defaulted);
        Assert.Empty(answered.Missing);
        Assert.Null(answered.Error);
        Assert.True(answered.IsActionable);
    }

    [Theory]
    [InlineData("TCS;rm -rf /", "\"tcs;rm\" is not a valid symbol: a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).")]
    [InlineData("$(whoami)", "\"$(whoami)\" is not a valid symbol: a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).")]
    [InlineData("TCSS", "Unknown symbol \"TCSS\": did you mean TCS?")]
    [InlineData("", "No symbol given.")]
    public void InvalidAnswer_IsAnError_AndTheSlotIsStillMissing(string answer, string error)
    {
        var partial = _matcher.Match("submit job rsi", Today);

        var rejected = _matcher.Answer(partial, answer, Today);

        Assert.Equal(error, rejected.Error);
        Assert.Equal(["symbols"], rejected.Missing);
        Assert.False(rejected.Slots.ContainsKey("symbols"));
        Assert.Equal("rsi", rejected.Slots["strategies"].StrategyText);
        Assert.False(rejected.IsActionable);
    }

    [Fact]
    public void AValidAnswerAfterARejectedOne_ClearsTheError()
    {
        var rejected = _matcher.Answer(_matcher.Match("submit job rsi", Today), "TCS;rm -rf /", Today);

        var answered = _matcher.Answer(rejected, "infosys", Today);

        Assert.Null(answered.Error);
        Assert.Equal(["INFY"], answered.Slots["symbols"].Symbols!);
        Assert.Empty(answered.Missing);
        Assert.True(answered.IsActionable);
    }

    [Fact]
    public void TwoMissingSlots_AreAskedInOrder_AndEachAnswerFillsTheFirst()
    {
        var partial = _matcher.Match("submit a job", Today);
        Assert.Equal(["strategies", "symbols"], partial.Missing);
        Assert.Equal("Which strategies? (e.g. rsi, macd, rsi(period=10))", _matcher.Question(partial.Intent!, partial.Missing[0]));

        var strategies = _matcher.Answer(partial, "relative strength and macd(fast=8)", Today);

        Assert.Equal(["rsi", "macd(fast=8)"], strategies.Slots["strategies"].Strategies!.Select(s => s.ToShortString()));
        Assert.Equal(["symbols"], strategies.Missing);
        Assert.False(strategies.IsActionable);

        var symbols = _matcher.Answer(strategies, "nifty50", Today);

        Assert.Equal(49, symbols.Slots["symbols"].Symbols!.Count);
        Assert.Equal(["rsi", "macd(fast=8)"], symbols.Slots["strategies"].Strategies!.Select(s => s.ToShortString()));
        Assert.Equal(LastThreeYears, symbols.Slots["period"].Period);
        Assert.Empty(symbols.Missing);
        Assert.True(symbols.IsActionable);
    }

    [Theory]
    [InlineData("k7m2qz", "k7m2qz")]
    [InlineData("#P3X9AB", "p3x9ab")]
    [InlineData("the last one", "last")]
    [InlineData("most recent", "last")]
    public void CancelWithoutAJob_AsksWhichOne_AndTheAnswerNamesIt(string answer, string job)
    {
        var partial = _matcher.Match("cancel job", Today);
        Assert.Equal("Which job should I cancel? (its id, or 'last')", _matcher.Question(partial.Intent!, "job"));

        var answered = _matcher.Answer(partial, answer, Today);

        Assert.Equal("cancel_job", answered.Intent);
        Assert.Equal(job, answered.Slots["job"].Job);
        Assert.True(answered.IsActionable);
    }

    [Fact]
    public void CancelAnswer_WithShellAfterTheId_IsRefused()
    {
        var rejected = _matcher.Answer(_matcher.Match("cancel job", Today), "12; drop table jobs", Today);

        Assert.Equal("'12; drop table jobs' is not a job (give its id, or 'last')", rejected.Error);
        Assert.Equal(["job"], rejected.Missing);
        Assert.False(rejected.IsActionable);
    }

    [Fact]
    public void Answer_WhenNothingIsMissing_ReturnsTheMatchAsItWas()
    {
        var complete = _matcher.Match("backtest rsi on tcs 2022", Today);

        Assert.Same(complete, _matcher.Answer(complete, "INFY", Today));
    }

    [Fact]
    public void Answer_WithoutADay_UsesTheClock()
    {
        var partial = _matcher.Match("backtest rsi");

        var answered = _matcher.Answer(partial, "tcs");

        Assert.Equal(LastThreeYears, answered.Slots["period"].Period);
        Assert.True(answered.IsActionable);
    }
}
