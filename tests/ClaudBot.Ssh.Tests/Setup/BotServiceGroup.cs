namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>The bot-service tests: a published node and a published client for all, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BotServiceGroup : ICollectionFixture<PublishedNode>, ICollectionFixture<PublishedClient>
{
    public const string Name = "The bot as a service on a server";
}
