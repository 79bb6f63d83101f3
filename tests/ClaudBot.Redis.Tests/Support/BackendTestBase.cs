using StackExchange.Redis;

namespace ClaudBot.Redis.Tests.Support;

/// <summary>
/// Base of the tests that run on both servers: picks the connection for a <see cref="Backend"/> and
/// gives each test its own key prefix, so tests sharing a server never see each other's keys.
/// </summary>
public abstract class BackendTestBase(RealRedisFixture redis, EmbeddedRedisFixture embedded, ITestOutputHelper output)
{
    protected ITestOutputHelper Output { get; } = output;

    protected string Prefix { get; } = $"test:{Guid.NewGuid():N}:";

    protected RealRedisFixture RealRedis { get; } = redis;

    protected EmbeddedRedisFixture Embedded { get; } = embedded;

    protected RedisConnection Connection(Backend backend) => backend == Backend.Redis ? RealRedis.Connection : Embedded.Connection;

    protected IDatabase Db(Backend backend) => Connection(backend).Database;

    protected RedisKey Key(string name) => Prefix + name;
}
