using Microsoft.Extensions.Logging;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// Hands Garnet loggers that pass on only warnings and errors, all under one category
/// (<c>ClaudBot.Redis.Garnet</c>): at Information Garnet logs about twenty lines per start, under
/// bare category names such as "GarnetServer" and "TsavoriteKV [main]".
/// </summary>
internal sealed class GarnetLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public const string Category = "ClaudBot.Redis.Garnet";

    public ILogger CreateLogger(string categoryName) => new WarningsOnly(inner.CreateLogger(Category));

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
        // The inner factory belongs to the host.
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
