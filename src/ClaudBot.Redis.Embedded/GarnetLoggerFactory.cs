using Microsoft.Extensions.Logging;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// Hands Garnet loggers that pass on only warnings and errors, all under one category
/// (<c>ClaudBot.Redis.Garnet</c>): at Information Garnet logs about twenty lines per start, under
/// bare category names such as "GarnetServer" and "TsavoriteKV [main]". A warning repeated within a
/// minute (the same exception type, or the same text) is logged once, then counted (<see cref="RepeatedLogFilter"/>).
/// </summary>
internal sealed partial class GarnetLoggerFactory(ILoggerFactory inner, TimeProvider? time = null) : ILoggerFactory
{
    public const string Category = "ClaudBot.Redis.Garnet";

    /// <summary>How long a repeated warning stays held back before it is logged again with its count.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(1);

    private readonly RepeatedLogFilter _repeats = new(time ?? TimeProvider.System, RepeatWindow);

    public ILogger CreateLogger(string categoryName) => new WarningsOnly(inner.CreateLogger(Category), _repeats);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
        // The inner factory belongs to the host.
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded server repeated the warning below {Count} more time(s) in the last minute; those were not logged")]
    private static partial void LogHeldBack(ILogger logger, int count);

    private sealed class WarningsOnly(ILogger inner, RepeatedLogFilter repeats) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // Per request Garnet's text varies (client addresses), its exception type does not.
            string key = exception is null ? formatter(state, null) : $"{exception.GetType().FullName}:{eventId.Id}";
            var (log, heldBack) = repeats.Admit(key);
            if (!log)
            {
                return;
            }

            if (heldBack > 0)
            {
                LogHeldBack(inner, heldBack);
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
