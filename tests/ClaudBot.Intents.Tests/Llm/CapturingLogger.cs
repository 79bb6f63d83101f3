using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>Keeps every log entry as written (message and exception), to check what reaches the log.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, int EventId, string Text)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue((logLevel, eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
    }
}
