using Microsoft.Extensions.Logging;

namespace ClaudBot.Redis.Embedded;

/// <summary>The embedded server's log messages (event ids 1-3; the client's are in ClaudBot.Redis).</summary>
internal static partial class EmbeddedLog
{
    [LoggerMessage(1, LogLevel.Information, "Embedded Redis (Garnet) listening on {EndPoint}, data in {Directory} (persist: {Persist}), started in {ElapsedMs} ms")]
    public static partial void Started(ILogger logger, string endPoint, string directory, bool persist, long elapsedMs);

    [LoggerMessage(2, LogLevel.Information, "Embedded Redis on {EndPoint} stopped; data kept in {Directory}")]
    public static partial void Stopped(ILogger logger, string endPoint, string directory);

    [LoggerMessage(3, LogLevel.Information, "Redis:ConnectionString is set; using Redis at {EndPoint}, not the embedded server")]
    public static partial void NotNeeded(ILogger logger, string endPoint);
}
