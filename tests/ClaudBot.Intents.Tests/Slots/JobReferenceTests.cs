using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class JobReferenceTests
{
    [Theory]
    [InlineData("17", "17")]
    [InlineData("#17", "17")]
    [InlineData("job 17", "17")]
    [InlineData("Job #17", "17")]
    [InlineData("job#17", "17")]
    [InlineData("  job   17 ", "17")]
    [InlineData("abc123", "abc123")]
    [InlineData("ABC234", "abc234")]
    [InlineData("job abc234", "abc234")]
    [InlineData("#k7m2qz", "k7m2qz")]
    [InlineData("last", "last")]
    [InlineData("latest", "last")]
    [InlineData("the last one", "last")]
    [InlineData("most recent", "last")]
    [InlineData("The Most Recent", "last")]
    [InlineData("the latest", "last")]
    [InlineData("last job", "last")]
    [InlineData("latest one", "last")]
    public void TryParse_JobReference_IsTheIdOrLast(string text, string expected)
    {
        Assert.True(JobReference.TryParse(text, out string job));
        Assert.Equal(expected, job);
    }

    [Theory]
    [InlineData("")]
    [InlineData("job")]
    [InlineData("#")]
    [InlineData("abc12")]
    [InlineData("abc1234")]
    [InlineData("abc-23")]
    [InlineData("ab_c23")]
    [InlineData("abc 23")]
    [InlineData("abcdé2")]
    [InlineData("ａｂｃ２３４")]
    [InlineData("1234567890")]
    [InlineData("-17")]
    [InlineData("17.5")]
    [InlineData("job 17 18")]
    [InlineData("last two")]
    [InlineData("previous")]
    [InlineData("17; rm -rf /")]
    [InlineData("$(id)")]
    [InlineData("../etc")]
    [InlineData("abc23*")]
    public void TryParse_AnythingElse_IsRefused(string text)
    {
        Assert.False(JobReference.TryParse(text, out string job));
        Assert.Equal(string.Empty, job);
    }
}
