using ClaudBot.Backtesting.Execution;

namespace ClaudBot.Backtesting.Tests;

public sealed class RupeesTextTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(412.49, "412")]
    [InlineData(999.4, "999")]
    [InlineData(999.5, "1.0k")]
    [InlineData(13364.430907249869, "13.4k")]
    [InlineData(99_949.0, "99.9k")]
    [InlineData(99_950.0, "100k")]
    [InlineData(456_400.0, "456k")]
    [InlineData(1_234_567.0, "1.2M")]
    [InlineData(123_456_789.0, "123M")]
    [InlineData(double.NaN, "-")]
    [InlineData(double.PositiveInfinity, "-")]
    public void Compact_RoundsToAFewCharacters(double rupees, string expected) =>
        Assert.Equal(expected, RupeesText.Compact(rupees));

    [Fact]
    public void Compact_OfAnUnknownAmount_IsADash() => Assert.Equal("-", RupeesText.Compact(null));
}
