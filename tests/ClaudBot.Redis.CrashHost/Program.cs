using System.Globalization;
using ClaudBot.Redis;

// Usage: dotnet ClaudBot.Redis.CrashHost.dll <port> <directory>
// Starts the embedded server (persisted), prints "ready <port>", then serves until killed.
var options = new RedisOptions
{
    EmbeddedPort = int.Parse(args[0], CultureInfo.InvariantCulture),
    EmbeddedDirectory = args[1],
    Persist = true,
};
using var server = EmbeddedRedisServer.Start(options);
Console.WriteLine($"ready {server.Port}");
await Task.Delay(Timeout.Infinite);
