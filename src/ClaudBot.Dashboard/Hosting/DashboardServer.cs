using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Hosting;

/// <summary>
/// The dashboard's own web application inside the node's generic host: started after the cluster's
/// services, stopped before them (hosted services stop in reverse order), so /ws clients are closed first.
/// </summary>
public sealed class DashboardServer(IServiceProvider node, IOptions<DashboardOptions> options, ILogger<DashboardServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses Kestrel listens on once started (empty when disabled).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        _app = DashboardApplication.Build(node, options.Value);
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException taken)
        {
            // The port is in use (another node on this box, a stale process): the cluster matters more than its dashboard.
            Log.BindFailed(logger, options.Value.Url, taken.Message);
            await _app.DisposeAsync();
            _app = null;
            return;
        }

        Addresses = [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        Log.Listening(logger, string.Join(", ", Addresses), options.Value.RequiresToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            // Closes /ws sessions with a close frame before Kestrel drops their connections. Kestrel is stopped
            // even when the node's stop deadline cuts the wait short: skipping it would leave the sockets to be
            // aborted at dispose, a reset in place of the close frame.
            _app.Lifetime.StopApplication();
            try
            {
                await _app.Services.GetRequiredService<Live.LiveHub>().DrainAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Out of time: stop Kestrel now.
            }

            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
