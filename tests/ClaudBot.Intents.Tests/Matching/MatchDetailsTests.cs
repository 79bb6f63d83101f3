using System.Text;
using System.Text.Json;
using ClaudBot.Intents.Matching;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>What the phrase table abbreviates: the JSON as printed, the words said to the user, and why a slot was refused.</summary>
public sealed class MatchDetailsTests
{
    private const string Help = "I can run the cluster and backtests. Try: start cluster; stop cluster; restart cluster; monitor cluster; "
        + "submit cluster job rsi on TCS 2020-2024; how's job k7m2qz doing. Type 'help' for everything.";

    private const string NotASymbol = " is not a valid symbol: a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).";

    private readonly IntentMatcher _matcher = ShippedMatcher.Instance;

    [Fact]
    public void IssueExample_AsJson_HasEveryStrategyParameterSymbolAndDate()
    {
        var match = _matcher.Match("submit job rsi,macd,momentum on RELIANCE,TCS,HDFC,INFY from 2020-01-01 to 2024-12-31", ShippedMatcher.Today);

        // One line when printed; split here at the slots for reading.
        const string expected = """
            {"intent":"submit_cluster_job","confidence":1,"source":"pattern","slots":{
            "strategies":[{"name":"rsi","params":{"period":14,"lower":30,"upper":70}},{"name":"macd","params":{"fast":12,"slow":26,"signal":9}},{"name":"momentum","params":{"lookback":20,"threshold":0}}],
            "symbols":["RELIANCE","TCS","HDFCBANK","INFY"],"from":"2020-01-01","to":"2024-12-31"},
            "missing":[],"defaulted":[],"suggestions":[],"notes":["HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK"]}
            """;
        Assert.Equal(expected.ReplaceLineEndings(string.Empty), Json(match));
    }

    [Fact]
    public void LogsWithDefaults_AsJson_ListTheDefaultedSlots()
    {
        var match = _matcher.Match("show worker logs", ShippedMatcher.Today);

        Assert.Equal(
            """{"intent":"show_logs","confidence":1,"source":"pattern","slots":{"component":"worker","lines":50},"missing":[],"defaulted":["lines"],"suggestions":[]}""",
            Json(match));
    }

    [Theory]
    [InlineData("strat cluster", 0.9, "Read \"strat\" as \"start\".")]
    [InlineData("canel job k7m2qz", 0.933, "Read \"canel\" as \"cancel\".")]
    public void Typo_IsForgiven_AtACost_AndSaid(string phrase, double confidence, string suggestion)
    {
        var match = _matcher.Match(phrase, ShippedMatcher.Today);

        Assert.Equal(confidence, match.Confidence);
        Assert.Equal([suggestion], match.Suggestions);
        Assert.True(match.IsActionable);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("buy 100 shares of TCS")]
    [InlineData("")]
    public void NothingMatched_OffersHelp(string phrase)
    {
        var match = _matcher.Match(phrase, ShippedMatcher.Today);

        Assert.Null(match.Intent);
        Assert.Equal(0, match.Confidence);
        Assert.Equal([Help], match.Suggestions);
        Assert.False(match.IsActionable);
    }

    [Fact]
    public void TooLong_IsRefusedUnread_WithReason()
    {
        var match = _matcher.Match(PhraseTable.Expand("<long:600>"), ShippedMatcher.Today);

        Assert.Null(match.Intent);
        Assert.Equal(["That is too long for a request (over 500 characters).", Help], match.Suggestions);
    }

    [Theory]
    [InlineData("backtest rsi on TCS;rm -rf /", "\"tcs;rm\"" + NotASymbol)]
    [InlineData("backtest rsi on $(whoami)", "\"$(whoami)\"" + NotASymbol)]
    [InlineData("backtest rsi on ../../etc/passwd", "\"../../etc/passwd\"" + NotASymbol)]
    [InlineData("backtest rsi on TCSS", "Unknown symbol \"TCSS\": did you mean TCS?")]
    [InlineData("backtest foo on TCS", "Unknown strategy 'foo'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.")]
    [InlineData("backtest rsi(period=1) on TCS", "'rsi(period=1)': period must be between 2 and 1000, not 1.")]
    [InlineData("backtest rsi on TCS from 2020-01-01 to 2019-01-01", "the period 2020-01-01 to 2019-01-01 runs backwards")]
    [InlineData("backtest rsi on TCS last 300 years", "the last 300 years is too long: at most 100 years")]
    [InlineData("cancel job k7m2qz; drop table", "'k7m2qz drop table' is not a job (give its id, or 'last')")]
    [InlineData("show logs; cat /etc/passwd", "'cat /etc/passwd' is not one of: driver, worker")]
    // A value the user gave that is wrong is refused, never swapped for the slot's default.
    [InlineData("backtest rsi on TCS 2020-02-30", "2020-02-30 is not a date")]
    [InlineData("tail 5000 lines of driver log", "5000 is out of range: it must be between 1 and 1,000")]
    [InlineData("cleanup results keep 20000", "20000 is out of range: it must be between 0 and 10,000")]
    [InlineData("show drv logs", "'drv' is not one of: driver, worker")]
    public void RejectedSlot_SaysWhy_AndNothingRuns(string phrase, string error)
    {
        var match = _matcher.Match(phrase, ShippedMatcher.Today);

        Assert.Equal(error, match.Error);
        Assert.False(match.IsActionable);
    }

    [Theory]
    [InlineData("clean up old results keep -1", "-1")]
    [InlineData("cleanup results keep 20000", "20000")]
    public void RejectedValue_IsReportedAsInvalid_NeverReplacedByTheDefault(string phrase, string given)
    {
        var match = _matcher.Match(phrase, ShippedMatcher.Today);

        Assert.Equal("cleanup_results", match.Intent);
        Assert.False(match.Slots.ContainsKey("keep"));
        Assert.DoesNotContain("keep", match.Defaulted);
        Assert.Equal(given, Assert.Contains("keep", match.Invalid));
        Assert.NotNull(match.Error);
        Assert.False(match.IsActionable);
        string json = Json(match);
        Assert.Contains($"\"slots\":{{}},\"missing\":[],\"defaulted\":[]", json, StringComparison.Ordinal);
        Assert.Contains($"\"invalid\":{{\"keep\":\"{given}\"}}", json, StringComparison.Ordinal);
    }

    private static string Json(IntentMatch match)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            IntentJsonWriter.Write(writer, match);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
