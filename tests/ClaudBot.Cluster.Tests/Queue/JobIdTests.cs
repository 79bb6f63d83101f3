using ClaudBot.Jobs;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Queue;

/// <summary>The one job-id rule: what the store makes, and what every entry point parses (see <see cref="JobIdSamples"/>).</summary>
public sealed class JobIdTests
{
    [Theory]
    [MemberData(nameof(JobIdSamples.Valid), MemberType = typeof(JobIdSamples))]
    public void TryParse_AJobId_RoundTripsThroughToString(string text)
    {
        Assert.True(JobId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, JobId.Parse(text));
    }

    [Theory]
    [MemberData(nameof(JobIdSamples.Invalid), MemberType = typeof(JobIdSamples))]
    [InlineData("ABC234")]
    [InlineData(" k7m2qz")]
    public void TryParse_NotAJobId_IsRefusedAndParseSaysTheRule(string text)
    {
        Assert.False(JobId.TryParse(text, out var id));
        Assert.Equal(default, id);
        var error = Assert.Throws<FormatException>(() => JobId.Parse(text));
        Assert.EndsWith(JobId.Rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OfAHugeString_QuotesOnlyAnExcerpt()
    {
        var error = Assert.Throws<FormatException>(() => JobId.Parse(new string('x', 100_000)));

        Assert.Equal($"'{new string('x', 20)}…' is not a job id. {JobId.Rule}", error.Message);
    }

    [Fact]
    public void New_MakesIdsThatParse_WithoutLookAlikes()
    {
        var random = new Random(19);
        var ids = Enumerable.Range(0, 2_000).Select(_ => JobId.New(random).ToString()).Append(JobId.New().ToString()).ToList();

        Assert.All(ids, id => Assert.True(JobId.IsValid(id), id));
        Assert.DoesNotContain(ids, id => id.AsSpan().IndexOfAny("01ilo") >= 0);
        Assert.True(ids.Distinct().Count() > 1_990, "2,000 draws from 31^6 ids should hardly repeat");
    }

    [Fact]
    public void New_WithTheSameSeed_MakesTheSameIds()
    {
        Assert.Equal(JobId.New(new Random(7)), JobId.New(new Random(7)));
    }

    [Fact]
    public void Default_IsNotAnId_AndPrintsEmpty()
    {
        Assert.Equal(string.Empty, default(JobId).ToString());
        Assert.False(JobId.IsValid(default(JobId).ToString()));
    }
}
