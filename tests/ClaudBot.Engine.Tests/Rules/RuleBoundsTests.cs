using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>The safety bounds: length, parts, nesting. Each is refused before anything could run, without overflowing the stack.</summary>
public sealed class RuleBoundsTests
{
    private static StrategySpecException Refused(string text) => Assert.Throws<StrategySpecException>(() => RuleParser.Parse(text));

    [Fact]
    public void Rule_Of2001Characters_IsRefusedBeforeParsing()
    {
        string text = "hold while close > 1" + new string(' ', 1981);

        Assert.Equal(2001, text.Length);
        Assert.Equal("the rule has 2,001 characters; the limit is 2,000", Refused(text).Message);
        Assert.Equal(2000, text[..2000].Length);
        Assert.Equal("hold while close > 1", RuleParser.Parse(text[..2000]).Text);
    }

    [Fact]
    public void Rule_Of2001Characters_IsRefusedEvenWhenItIsGarbage()
    {
        Assert.Equal("the rule has 5,000 characters; the limit is 2,000", Refused(new string('(', 5000)).Message);
    }

    [Fact]
    public void Rule_Of201Parts_IsRefused_AndOf200IsAccepted()
    {
        // Each "close > 1 and " is four parts (close, 1, the comparison, the and).
        string body = string.Concat(Enumerable.Repeat("close > 1 and ", 49));

        var error = Refused("hold while " + body + "close > 1 + 1");
        Assert.Equal("the rule has 201 parts; the limit is 200", error.Message);
        Assert.Null(error.Caret);
        Assert.Equal(1, RuleParser.Parse("hold while " + body + "close > -open").Combinations);
    }

    [Fact]
    public void Rule_FarOverThePartLimit_SaysHowManyPartsItHas()
    {
        string body = string.Join(" and ", Enumerable.Repeat("close > 1", 100));

        Assert.Equal("the rule has 399 parts; the limit is 200", Refused("hold while " + body).Message);
    }

    [Fact]
    public void ThreeHundredNestedParentheses_AreRefusedAtTheFirstPastTheDepthLimit()
    {
        string text = "hold while " + new string('(', 300) + "close > 1" + new string(')', 300);

        Assert.Equal("the rule nests deeper than 100 levels at column 112", Refused(text).Message);
    }

    [Fact]
    public void OneHundredNestedParentheses_AreAccepted()
    {
        string text = "hold while " + new string('(', 100) + "close > 1" + new string(')', 100);

        Assert.Equal("hold while close > 1", RuleParser.Parse(text).Text);
    }

    [Fact]
    public void UnclosedNestedParentheses_AreRefusedAtTheDepthLimit()
    {
        Assert.Equal("the rule nests deeper than 100 levels at column 112", Refused("hold while " + new string('(', 1900)).Message);
    }

    [Fact]
    public void ChainsOfNot_AreRefusedAtTheDepthLimit()
    {
        string text = "hold while " + string.Concat(Enumerable.Repeat("not ", 400)) + "close > 1";

        Assert.Equal("the rule nests deeper than 100 levels at column 412", Refused(text).Message);
    }

    [Fact]
    public void ChainsOfMinus_AreRefusedAtTheDepthLimit()
    {
        string text = "hold while close > " + new string('-', 1500) + "1";

        Assert.Equal("the rule nests deeper than 100 levels at column 120", Refused(text).Message);
    }

    [Fact]
    public void NestedSources_AreRefusedAtTheDepthLimit()
    {
        string text = "hold while " + string.Concat(Enumerable.Repeat("sma(1, ", 200)) + "close" + new string(')', 200) + " > 1";

        Assert.Equal("the rule nests deeper than 100 levels at column 712", Refused(text).Message);
    }

    [Fact]
    public void AVeryLongNumber_IsRefusedAsTooLarge()
    {
        string digits = new('9', 1900);

        Assert.Equal("the number '9999999999999999999999999999999999999999…' at column 20 is over the limit of 1e15", Refused("hold while close > " + digits).Message);
    }

    [Fact]
    public void LargestAllowedValues_AreAccepted()
    {
        var template = RuleParser.Parse("hold while sma(5000)[5000] > 1000000000000000 and close[0] > -1e15 and bb_upper(1, 10) > 0");

        Assert.Equal([5000, 5000, 1e15, 0, -1e15, 1, 10, 0], template.Slots.Select(s => s.Values[0]));
    }
}
