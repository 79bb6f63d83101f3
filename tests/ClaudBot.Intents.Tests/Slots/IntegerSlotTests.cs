using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class IntegerSlotTests
{
    [Theory]
    [InlineData("17", 1, 10_000, 17)]
    [InlineData(" 42 ", 1, 10_000, 42)]
    [InlineData("+5", 1, 10_000, 5)]
    [InlineData("1,000", 1, 10_000, 1_000)]
    [InlineData("10,000", 1, 10_000, 10_000)]
    [InlineData("1,000,000", 1, 2_000_000, 1_000_000)]
    [InlineData("one", 1, 10_000, 1)]
    [InlineData("ten", 1, 10_000, 10)]
    [InlineData("Twenty", 1, 10_000, 20)]
    [InlineData("twenty-one", 1, 10_000, 21)]
    [InlineData("ninety nine", 1, 10_000, 99)]
    [InlineData("hundred", 1, 10_000, 100)]
    [InlineData("a hundred", 1, 10_000, 100)]
    [InlineData("zero", 0, 5, 0)]
    [InlineData("-3", -10, 10, -3)]
    [InlineData("1", 1, 1, 1)]
    public void TryParse_WholeNumberInRange_IsItsValue(string text, int min, int max, int expected)
    {
        bool parsed = IntegerSlot.TryParse(text, min, max, out int value, out string? error);

        Assert.True(parsed, error);
        Assert.Equal(expected, value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0", 1, 100, "0 is out of range: it must be between 1 and 100")]
    [InlineData("-5", 1, 100, "-5 is out of range: it must be between 1 and 100")]
    [InlineData("20000", 1, 10_000, "20000 is out of range: it must be between 1 and 10,000")]
    [InlineData("20,000", 1, 10_000, "20,000 is out of range: it must be between 1 and 10,000")]
    [InlineData("twenty", 1, 10, "twenty is out of range: it must be between 1 and 10")]
    [InlineData("99999999999999999999", 1, 100, "99999999999999999999 is out of range: it must be between 1 and 100")]
    [InlineData("3.5", 1, 100, "3.5 is not a whole number")]
    [InlineData("1,00", 1, 100, "1,00 is not a whole number")]
    [InlineData("1000,000", 1, 10_000, "1000,000 is not a whole number")]
    [InlineData("abc", 1, 100, "'abc' is not a number")]
    [InlineData("twenty-zero", 1, 100, "'twenty-zero' is not a number")]
    [InlineData("5; rm -rf /", 1, 100, "'5; rm -rf /' is not a number")]
    [InlineData("", 1, 100, "'' is not a number")]
    [InlineData("٥", 1, 100, "'٥' is not a number")]
    public void TryParse_BadNumber_SaysWhy(string text, int min, int max, string expected)
    {
        bool parsed = IntegerSlot.TryParse(text, min, max, out int value, out string? error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
        Assert.Equal(0, value);
    }

    [Fact]
    public void TryParse_MinAboveMax_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerSlot.TryParse("5", 10, 1, out _, out _));
    }
}
