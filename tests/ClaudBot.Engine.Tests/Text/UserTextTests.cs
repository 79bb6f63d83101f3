using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Tests.Text;

public sealed class UserTextTests
{
    [Fact]
    public void Excerpt_OfALongText_IsCutToTheLimitWithAnEllipsis()
    {
        string text = new('x', 100_000);

        Assert.Equal(new string('x', UserText.MaxExcerpt) + "…", UserText.Excerpt(text));
    }

    [Fact]
    public void Excerpt_EscapesNewlinesEscapesAndBidiOverrides()
    {
        Assert.Equal(@"rsi\nrm\u001b[2J\u202e", UserText.Excerpt("rsi\nrm\u001b[2J\u202e"));
    }

    [Fact]
    public void Excerpt_OfShortPlainText_IsTheTextTrimmed()
    {
        Assert.Equal("RELIANCE", UserText.Excerpt("  RELIANCE "));
    }

    [Fact]
    public void Clean_KeepsTheWholeTextButEscapesControls()
    {
        Assert.Equal(@"a\tb\r\nc", UserText.Clean("a\tb\r\nc"));
    }

    [Fact]
    public void Printable_KeepsLineBreaks_AndEscapesEveryOtherControl()
    {
        Assert.Equal("one\ntwo \\u001b[31mred\nthree\\t", UserText.Printable("one\r\ntwo \u001b[31mred\nthree\t"));
        Assert.Equal("plain text", UserText.Printable("plain text"));
    }

    [Fact]
    public void StrategyParser_WithA100KbUnknownName_QuotesOnlyAShortSingleLineExcerpt()
    {
        string huge = string.Concat(Enumerable.Repeat("zzzzzzzzz\n", 10_000));

        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse(huge));

        Assert.StartsWith(@"Unknown strategy 'zzzzzzzzz\nzzzzzzzzz\nzzzzzzzzz\nzzzzzzzzz\n…'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(error.Message.Length < 200, $"message is {error.Message.Length} characters");
    }

    [Fact]
    public void StrategyParser_WithA100KbParameterValue_QuotesOnlyShortExcerpts()
    {
        string huge = "rsi(period=" + new string('9', 50_000) + "x" + new string('1', 50_000) + ")";

        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse(huge));

        Assert.Equal($"'rsi(period={new string('9', 29)}…': period must be a number, not '{new string('9', 40)}…'.", error.Message);
    }
}
