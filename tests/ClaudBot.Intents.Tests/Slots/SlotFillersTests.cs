using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

/// <summary>Label words leave the ends of a slot's text, never its middle; text of nothing but labels stays whole.</summary>
public sealed class SlotFillersTests
{
    private static readonly SlotFillers Fillers = new(new HashSet<string>(["strategy", "strategies", "of", "using", "symbols", "the"], StringComparer.Ordinal));

    [Theory]
    [InlineData("rsi strategy", "rsi")]
    [InlineData("using rsi", "rsi")]
    [InlineData("of the rsi and macd strategies", "rsi and macd")]
    [InlineData("Symbols TCS, INFY", "TCS, INFY")]
    [InlineData("strategy rsi,", "rsi")]
    [InlineData("rsi,", "rsi")]
    [InlineData("buy when close > sma(20) using the strategy", "buy when close > sma(20)")]
    [InlineData("rsi of macd", "rsi of macd")]
    [InlineData("the strategy", "the strategy")]
    public void Trim_DropsLabelsAtTheEndsOnly(string text, string expected) => Assert.Equal(expected, Fillers.Trim(text));

    [Fact]
    public void TextWithoutLabels_IsReturnedAsIs_WithoutACopy()
    {
        const string text = "rsi, macd";

        Assert.Same(text, Fillers.Trim(text));
    }
}
