using ClaudBot.Testing;

namespace ClaudBot.Ssh.Tests;

/// <summary>The ssh target opens a remote results file only when its name carries a job id by the one rule.</summary>
public sealed class RemoteResultsPathTests
{
    private const string Folder = "/home/ops/claudbot/data/results";

    [Theory]
    [MemberData(nameof(JobIdSamples.Valid), MemberType = typeof(JobIdSamples))]
    public void IsValid_ResultsFileOfAJobId_IsTrue(string id)
    {
        Assert.True(RemoteResultsPath.IsValid($"{Folder}/job_{id}.json"));
    }

    [Theory]
    [MemberData(nameof(JobIdSamples.Invalid), MemberType = typeof(JobIdSamples))]
    public void IsValid_ResultsFileOfAnythingElse_IsFalse(string id)
    {
        Assert.False(RemoteResultsPath.IsValid($"{Folder}/job_{id}.json"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("job_k7m2qz.json")]
    [InlineData("/job_k7m2qz.json")]
    [InlineData("relative/job_k7m2qz.json")]
    [InlineData("/home/ops/results/job_k7m2qz.json.tmp")]
    [InlineData("/home/ops/results/job_k7m2qz.summary.json")]
    [InlineData("/home/ops/re sults/job_k7m2qz.json")]
    [InlineData("/home/ops/$(id)/job_k7m2qz.json")]
    public void IsValid_OtherPaths_IsFalse(string? path)
    {
        Assert.False(RemoteResultsPath.IsValid(path));
    }
}
