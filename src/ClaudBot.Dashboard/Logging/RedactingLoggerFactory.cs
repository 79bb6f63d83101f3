using Microsoft.Extensions.Logging;

namespace ClaudBot.Dashboard.Logging;

/// <summary>
/// The node's logger factory as the dashboard's web application sees it: every logger (Kestrel's, ASP.NET
/// Core's, the dashboard's own) redacts token values in URLs. The node owns the inner factory.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory node) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(node.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => node.AddProvider(provider);

    public void Dispose()
    {
        // Not owned: the node disposes its factory.
    }
}
