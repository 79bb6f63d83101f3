using Microsoft.Extensions.Logging;

namespace ClaudBot.Redis;

/// <summary>The Redis feature's log messages. Endpoints are logged without passwords.</summary>
internal static partial class Log
{
    [LoggerMessage(4, LogLevel.Information, "Connected to Redis at {EndPoint}")]
    public static partial void Connected(ILogger logger, string endPoint);

    [LoggerMessage(5, LogLevel.Warning, "Lost the connection to Redis at {EndPoint} ({FailureType}); reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string endPoint, string failureType);

    [LoggerMessage(6, LogLevel.Information, "Reconnected to Redis at {EndPoint}")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint);
}
