namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>The setup tests that need a real server: one published node for all, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SetupServerGroup : ICollectionFixture<PublishedNode>
{
    public const string Name = "Setup against a server";
}
