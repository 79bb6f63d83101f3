using ClaudBot.Intents.Slots;
using ClaudBot.Testing;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class JobReferenceTests
{
    [Theory]
    [InlineData("k7m2qz", "k7m2qz")]
    [InlineData("#abc234", "abc234")]
    [InlineData("job k7m2qz", "k7m2qz")]
    [InlineData("Job #K7M2QZ", "k7m2qz")]
    [InlineData("job#k7m2qz", "k7m2qz")]
    [InlineData("  job   k7m2qz ", "k7m2qz")]
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
    [InlineData("17")]
    [InlineData("job 17")]
    [InlineData("#17")]
    [InlineData("-17")]
    [InlineData("17.5")]
    [InlineData("job k7m2qz abc234")]
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

    [Theory]
    [MemberData(nameof(JobIdSamples.Valid), MemberType = typeof(JobIdSamples))]
    public void TryParse_AJobId_IsThatId(string id)
    {
        Assert.True(JobReference.TryParse(id, out string job));
        Assert.Equal(id, job);
    }

    [Theory]
    [MemberData(nameof(JobIdSamples.Invalid), MemberType = typeof(JobIdSamples))]
    public void TryParse_NotAJobId_IsRefused(string text)
    {
        Assert.False(JobReference.TryParse(text, out string job));
        Assert.Equal(string.Empty, job);
    }
}
