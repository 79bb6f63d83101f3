using Microsoft.Extensions.Logging;

namespace ClaudBot.Dashboard;

/// <summary>The dashboard's log messages. Tokens never appear in them.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Dashboard listening on {Addresses} (token required: {TokenRequired}).")]
    public static partial void Listening(ILogger logger, string addresses, bool tokenRequired);

    [LoggerMessage(2, LogLevel.Error, "Dashboard request {Method} {Path} failed.")]
    public static partial void RequestFailed(ILogger logger, Exception error, string method, string path);

    [LoggerMessage(3, LogLevel.Warning, "Dashboard live events: Redis is not reachable ({Reason}); retrying.")]
    public static partial void EventsUnavailable(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Dashboard live events: an event could not be read.")]
    public static partial void BadEvent(ILogger logger, Exception error);

    [LoggerMessage(6, LogLevel.Error, "Dashboard not started: cannot listen on {Url} ({Reason}); the node runs without it.")]
    public static partial void BindFailed(ILogger logger, string url, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Dashboard: rejected a request to {Path} without a valid token.")]
    public static partial void Unauthorized(ILogger logger, string path);

    [LoggerMessage(7, LogLevel.Warning, "Dashboard: refused a request for host '{Host}': without a token only loopback names are served.")]
    public static partial void ForeignHost(ILogger logger, string host);

    [LoggerMessage(8, LogLevel.Warning, "Dashboard: refused a live socket from origin '{Origin}', not the dashboard's own.")]
    public static partial void ForeignOrigin(ILogger logger, string origin);

    [LoggerMessage(9, LogLevel.Warning, "Dashboard: refused a live socket: {Max} clients already connected (Dashboard:MaxLiveClients).")]
    public static partial void TooManyClients(ILogger logger, int max);

    [LoggerMessage(10, LogLevel.Warning, "Dashboard: too many login attempts from {Address}; answered 429.")]
    public static partial void LoginThrottled(ILogger logger, string address);

    [LoggerMessage(11, LogLevel.Warning, "Dashboard live events: the workers' heartbeats could not be read; trying again.")]
    public static partial void WorkersUnreadable(ILogger logger, Exception error);
}
