using System.Reflection;
using Xunit.Sdk;

namespace ClaudBot.Redis.Tests.Support;

/// <summary>The two servers every command check runs on.</summary>
public enum Backend
{
    /// <summary>Debian's redis-server 7.x.</summary>
    Redis,

    /// <summary>The embedded Garnet server.</summary>
    Garnet,
}

/// <summary>Runs a theory once per <see cref="Backend"/>.</summary>
public sealed class BothBackendsAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.Redis], [Backend.Garnet]];
}

[CollectionDefinition(Name)]
public sealed class BackendServers : ICollectionFixture<RealRedisFixture>, ICollectionFixture<EmbeddedRedisFixture>
{
    public const string Name = "backends";
}
