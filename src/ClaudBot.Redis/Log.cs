using Microsoft.Extensions.Logging;

namespace ClaudBot.Redis;

/// <summary>The Redis feature's log messages. Endpoints are logged without passwords.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Embedded Redis (Garnet) listening on {EndPoint}, data in {Directory} (persist: {Persist}), started in {ElapsedMs} ms")]
    public static partial void EmbeddedStarted(ILogger logger, string endPoint, string directory, bool persist, long elapsedMs);

    [LoggerMessage(2, LogLevel.Information, "Embedded Redis on {EndPoint} stopped; data kept in {Directory}")]
    public static partial void EmbeddedStopped(ILogger logger, string endPoint, string directory);

    [LoggerMessage(3, LogLevel.Information, "Redis:ConnectionString is set; using Redis at {EndPoint}, not the embedded server")]
    public static partial void EmbeddedNotNeeded(ILogger logger, string endPoint);

    [LoggerMessage(4, LogLevel.Information, "Connected to Redis at {EndPoint}")]
    public static partial void Connected(ILogger logger, string endPoint);

    [LoggerMessage(5, LogLevel.Warning, "Lost the connection to Redis at {EndPoint} ({FailureType}); reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string endPoint, string failureType);

    [LoggerMessage(6, LogLevel.Information, "Reconnected to Redis at {EndPoint}")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint);
}
