using System.Text.Json;
using ClaudBot.Dashboard.Api;
using ClaudBot.Dashboard.Hosting;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// What the form's check answers, without a server: a rule or a built-in list as a job would take it (canonical text,
/// combination count), or the job's one-line error with its column and caret, written as the API writes it.
/// </summary>
public sealed class StrategyValidatorTests
{
    private const int Cap = 10_000;

    [Fact]
    public void Rule_IsValid_WithItsCanonicalText_AndOneCombination()
    {
        var check = StrategyValidator.Check("BUY WHEN close IS ABOVE sma(50) THEN sell when close is below sma(50)", Cap);

        Assert.Equal(new ValidStrategy("buy when close > sma(50), sell when close < sma(50)", 1, StrategyKind.Rule), check);
    }

    [Fact]
    public void RuleWithGrids_CountsEveryCombination_AndKeepsTheGridsInItsText()
    {
        var check = StrategyValidator.Check("buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70", Cap);

        Assert.Equal(new ValidStrategy("buy when rsi(2|4|6) < 5|10, sell when rsi(2) > 70", 6, StrategyKind.Rule), check);
    }

    [Theory]
    [InlineData("hold while close > 5|5|10", 2)]
    [InlineData("hold while close > 1..3 and close < 1|1", 3)]
    [InlineData("buy when rsi(2..101) < 1..100, sell when rsi(2) > 70", 10_000)]
    public void RuleCombinations_AreTheRulesAJobRuns_RepeatsOnce(string text, int expected)
    {
        var check = Assert.IsType<ValidStrategy>(StrategyValidator.Check(text, Cap));

        Assert.Equal(expected, check.Combinations);
        Assert.Equal(StrategyParser.Parse(text, Cap).Parameters.Count, check.Combinations);
    }

    [Fact]
    public void BuiltinList_IsNormalised_AndCountsItsParameterSets()
    {
        var check = StrategyValidator.Check(" RSI( period = 7..21 step 7 ) , macd", Cap);

        Assert.Equal(new ValidStrategy("rsi(period=7|14|21),macd", 4, StrategyKind.Builtin), check);
    }

    [Fact]
    public void BuiltinGrid_CountsOnlyTheCombinationsAJobRuns()
    {
        // sma_cross needs fast < slow: (50, 20) and (50, 40) are dropped, as the planner drops them.
        var check = StrategyValidator.Check("sma_cross(fast=10|50, slow=20|40)", Cap);

        Assert.Equal(new ValidStrategy("sma_cross(fast=10|50, slow=20|40)", 2, StrategyKind.Builtin), check);
    }

    [Fact]
    public void UnknownIndicator_NamesTheColumn_ShowsTheCaret_AndSuggestsTheNearestName()
    {
        var check = StrategyValidator.Check("buy when smaa(10) < 5, sell when close > 1", Cap);

        Assert.Equal(
            new InvalidStrategy("unknown indicator 'smaa' at column 10: did you mean sma?", 10, "buy when smaa(10) < 5, sell when close ...\n         ^"),
            check);
    }

    [Fact]
    public void UnknownBuiltin_HasNoColumnOrCaret_AndSuggestsTheNearestName()
    {
        var check = Assert.IsType<InvalidStrategy>(StrategyValidator.Check("rsx", Cap));

        Assert.Equal(
            "Unknown strategy 'rsx'. Did you mean rsi? Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.",
            check.Error);
        Assert.Null(check.Column);
        Assert.Null(check.Caret);
    }

    [Fact]
    public void OverLongRule_IsRefusedByTheLanguagesBound_BeforeParsing()
    {
        string text = "hold while " + string.Concat(Enumerable.Repeat("close > 1 and ", 143)) + "close > 2";
        Assert.Equal(2_022, text.Length);

        Assert.Equal(new InvalidStrategy("the rule has 2,022 characters; the limit is 2,000", null, null), StrategyValidator.Check(text, Cap));
    }

    [Fact]
    public void GridOverTheCap_IsRefusedWithTheCapInTheMessage()
    {
        var check = Assert.IsType<InvalidStrategy>(StrategyValidator.Check("hold while rsi(2..101) < 1..100", 1_000));

        Assert.Equal("The rule's grid has 10,000 combinations; the limit is 1,000. Use a coarser step or fewer values.", check.Error);
        Assert.Null(check.Column);
    }

    [Fact]
    public void ValidAnswer_IsWrittenWithSnakeCaseNames_ValidFirst()
    {
        string json = JsonSerializer.Serialize<StrategyCheck>(new ValidStrategy("hold while close > 1", 1, StrategyKind.Rule), DashboardJson.Options);

        Assert.Equal("""{"valid":true,"canonical":"hold while close \u003E 1","combinations":1,"kind":"rule"}""", json);
    }

    [Fact]
    public void InvalidAnswer_WritesColumnAndCaretEvenWhenNull()
    {
        string json = JsonSerializer.Serialize<StrategyCheck>(new InvalidStrategy("No strategy given.", null, null), DashboardJson.Options);

        Assert.Equal("""{"valid":false,"error":"No strategy given.","column":null,"caret":null}""", json);
    }

    [Fact]
    public void HostileText_IsEscapedInTheJson_AndReadsBackUnchanged()
    {
        var check = Assert.IsType<InvalidStrategy>(StrategyValidator.Check("buy when <script>alert(1)</script>", Cap));
        string json = JsonSerializer.Serialize<StrategyCheck>(check, DashboardJson.Options);

        Assert.Equal("expected a number, a price field or an indicator after 'when' at column 10", check.Error);
        Assert.Equal(10, check.Column);
        Assert.Equal("buy when <script>alert(1)</script>\n         ^", check.Caret);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Equal(check.Caret, JsonDocument.Parse(json).RootElement.GetProperty("caret").GetString());
    }
}
