using ClaudBot.Hosting;
using ClaudBot.Jobs;
using ClaudBot.Testing;

namespace ClaudBot.Node.Tests;

/// <summary>claudbot-node's own mistakes in the command line exit as claudbot's do: BadInput, with one line.</summary>
public sealed class CommandLineExitCodeTests
{
    [Theory]
    [InlineData("jobs", "--bogus")]
    [InlineData("submit")]
    [InlineData("no-such-verb")]
    [InlineData("jobs", "--limit", "many")]
    [InlineData("job", "ABC!")]
    [InlineData("cancel", "abcdefgh")]
    [InlineData("drain", "w2;rm")]
    [InlineData("undrain", "a b")]
    [InlineData("drain", "w2", "--wait", "--timeout", "0")]
    public async Task ABadCommandLine_ExitsBadInput_WithOneErrorLine(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exit = await NodeCli.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, exit);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains("(see --help)", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(JobIdSamples.Invalid), MemberType = typeof(JobIdSamples))]
    public async Task JobAndCancel_OfSomethingNotAJobId_AreRefusedWithTheRule_BeforeAnyQueueIsAsked(string id)
    {
        foreach (string verb in new[] { "job", "cancel" })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            // No queue runs in these tests: an id that got past the parser would end in ClusterDown, not BadInput.
            int exit = await NodeCli.RunAsync([verb, id], output, error, CancellationToken.None);

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains(JobId.Rule, error.ToString(), StringComparison.Ordinal);
        }
    }
}
