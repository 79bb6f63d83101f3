using Microsoft.Extensions.Logging;

namespace ClaudBot.Dashboard.Logging;

/// <summary>Passes entries on to the node's logger, with token values in URLs removed from the message and the values.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        string message = formatter(state, exception);
        var pairs = state as IEnumerable<KeyValuePair<string, object?>>;
        bool tainted = QueryRedaction.Applies(message) || (pairs?.Any(p => QueryRedaction.Applies(p.Value?.ToString())) ?? false);
        if (!tainted)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var values = (pairs ?? []).Select(p => QueryRedaction.Applies(p.Value?.ToString())
            ? new KeyValuePair<string, object?>(p.Key, QueryRedaction.Apply(p.Value!.ToString()!))
            : p).ToList();
        inner.Log(logLevel, eventId, new RedactedState(values, QueryRedaction.Apply(message)), exception, static (redacted, _) => redacted.ToString());
    }
}
