namespace ClaudBot.Dashboard.Tests;

/// <summary>One node for the API tests, started once; tasks are slowed a little so jobs can be caught running.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public DashboardNode Node { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Node = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Cluster:ThrottlePerTask"] = "00:00:00.020" });

    public async Task DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NodeTests : ICollectionFixture<NodeFixture>
{
    public const string Name = "node";
}
