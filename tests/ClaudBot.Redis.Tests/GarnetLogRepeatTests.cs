using ClaudBot.Redis.Embedded;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Redis.Tests;

/// <summary>A warning Garnet repeats per request (a commit failing on a full disk) is logged once a minute with a count, not per request.</summary>
public sealed partial class GarnetLogRepeatTests
{
    [Fact]
    public void RepeatedCommitFailure_IsLoggedOnce_ThenOnceAMinuteWithTheCountHeldBack()
    {
        var time = new FakeTimeProvider();
        var lines = new List<string>();
        using var factory = new GarnetLoggerFactory(new ListLoggerFactory(lines), time);
        var garnet = factory.CreateLogger("TsavoriteLog");

        for (int i = 0; i < 1000; i++)
        {
            LogCommitFailed(garnet, new IOException("No space left on device"), i);
        }

        time.Advance(GarnetLoggerFactory.RepeatWindow);
        LogCommitFailed(garnet, new IOException("No space left on device"), 1000);
        LogAnother(garnet);

        Assert.Equal(
            [
                "Error Commit failed for request 0",
                "Warning The embedded server repeated the warning below 999 more time(s) in the last minute; those were not logged",
                "Error Commit failed for request 1000",
                "Warning Another warning",
            ],
            lines);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit failed for request {Request}")]
    private static partial void LogCommitFailed(ILogger logger, Exception error, int request);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another warning")]
    private static partial void LogAnother(ILogger logger);

    private sealed class ListLoggerFactory(List<string> lines) : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add($"{logLevel} {formatter(state, exception)}");
    }
}
