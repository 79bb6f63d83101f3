namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>The bot-service tests: the node and the client published (or found fresh) once for all, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BotServiceGroup : ICollectionFixture<PublishedClient>
{
    public const string Name = "The bot as a service on a server";
}
