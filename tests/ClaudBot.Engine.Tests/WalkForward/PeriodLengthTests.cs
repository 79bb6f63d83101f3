using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Engine.Tests.WalkForward;

public sealed class PeriodLengthTests
{
    [Theory]
    [InlineData("2 years", 24, 0)]
    [InlineData("2y", 24, 0)]
    [InlineData("1 year", 12, 0)]
    [InlineData("18 months", 18, 0)]
    [InlineData("6m", 6, 0)]
    [InlineData("13 weeks", 0, 91)]
    [InlineData("90 days", 0, 90)]
    [InlineData(" 90D ", 0, 90)]
    public void Parse_ReadsANumberAndAUnit(string text, int months, int days) =>
        Assert.Equal(new PeriodLength(months, days), PeriodLength.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("two years")]
    [InlineData("0 months")]
    [InlineData("-6 months")]
    [InlineData("6 fortnights")]
    [InlineData("1.5 years")]
    [InlineData("51 years")]
    public void Parse_RefusesWhatIsNotALength_InOneLine(string text)
    {
        var refused = Assert.Throws<FormatException>(() => PeriodLength.Parse(text));
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains($"'{text}'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24, 0, "2 years")]
    [InlineData(6, 0, "6 months")]
    [InlineData(1, 0, "1 month")]
    [InlineData(0, 91, "13 weeks")]
    [InlineData(0, 90, "90 days")]
    [InlineData(12, 15, "1 year 15 days")]
    public void ToString_ReadsAsATraderWritesIt(int months, int days, string text) =>
        Assert.Equal(text, new PeriodLength(months, days).ToString());

    [Fact]
    public void AddTo_AddsMonthsFirst_ClampingToTheMonthsEnd_ThenDays()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), new PeriodLength(1, 0).AddTo(new DateOnly(2024, 1, 31)));
        Assert.Equal(new DateOnly(2024, 3, 10), new PeriodLength(1, 10).AddTo(new DateOnly(2024, 1, 31)));
        Assert.Equal(new PeriodLength(30, 0), (3 * new PeriodLength(6, 0)) + new PeriodLength(12, 0));
        Assert.Equal(new DateOnly(2026, 12, 30), new PeriodLength(30, 0).AddTo(new DateOnly(2024, 6, 30)));
    }
}
