using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class RuleWordOperatorTests
{
    [Theory]
    [InlineData("close is below open", "close < open")]
    [InlineData("close below open", "close < open")]
    [InlineData("close is above open", "close > open")]
    [InlineData("close above open", "close > open")]
    [InlineData("close less than open", "close < open")]
    [InlineData("close is less than open", "close < open")]
    [InlineData("close greater than open", "close > open")]
    [InlineData("close is greater than open", "close > open")]
    [InlineData("close at least open", "close >= open")]
    [InlineData("close is at least open", "close >= open")]
    [InlineData("close at most open", "close <= open")]
    [InlineData("close is at most open", "close <= open")]
    [InlineData("close equals open", "close == open")]
    [InlineData("close is equal to open", "close == open")]
    [InlineData("close equal to open", "close == open")]
    [InlineData("close crosses above open", "close crosses above open")]
    [InlineData("close cross above open", "close crosses above open")]
    [InlineData("close crossed above open", "close crosses above open")]
    [InlineData("close crosses below open", "close crosses below open")]
    [InlineData("close CROSSED BELOW open", "close crosses below open")]
    [InlineData("close <= open", "close <= open")]
    [InlineData("close >= open", "close >= open")]
    [InlineData("close == open", "close == open")]
    public void WordsAndSymbols_GiveTheSameComparison(string condition, string canonical)
    {
        Assert.Equal("hold while " + canonical, RuleParser.Parse("hold while " + condition).Text);
    }
}
