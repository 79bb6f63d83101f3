namespace ClaudBot.Node.Tests;

/// <summary>
/// The tests that run the CLI in this process with a home of their own: <c>CLAUDBOT_HOME</c> is process-wide, so they
/// run one at a time and apart from every other test of this assembly.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
