using System.Net.WebSockets;
using ClaudBot.Dashboard.Api;

namespace ClaudBot.Dashboard.Live;

/// <summary>
/// One /ws client from its snapshot to its close frame. No socket operation is ever cancelled by the
/// session ending: cancelling a send or a receive aborts a WebSocket, and an aborted socket can no longer
/// send the close frame a stopping server owes its clients. Only the wait for the next event is cancelled;
/// sends are bounded by <see cref="SendTimeout"/> (a client that stops reading), the close by <see cref="CloseTimeout"/>.
/// </summary>
internal sealed class LiveSession(WebSocket socket, ClientQueue queue, ClusterViews views)
{
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stopping, CancellationToken aborted)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted);
        var receiving = ReceiveUntilCloseAsync(session);
        try
        {
            var snapshot = new LiveMessage("snapshot")
            {
                Cluster = await views.ClusterAsync(session.Token),
                Jobs = await views.CurrentJobsAsync(session.Token),
            };
            await SendAsync(LiveHub.Serialize(snapshot));
            while (!session.IsCancellationRequested)
            {
                await SendAsync(await queue.DequeueAsync(session.Token));
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The client left, the node is stopping, or a send timed out (the socket is aborted then).
        }

        await CloseAsync(stopping.IsCancellationRequested);

        // The handshake: wait (bounded) for the client's close frame, so the connection ends after the client
        // has read ours rather than while our frame may still be on its way.
        await Task.WhenAny(receiving, Task.Delay(CloseTimeout, CancellationToken.None));
    }

    private async Task SendAsync(byte[] payload)
    {
        using var timeout = new CancellationTokenSource(SendTimeout);
        await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    private async Task ReceiveUntilCloseAsync(CancellationTokenSource session)
    {
        var buffer = new byte[1024];
        try
        {
            // Clients only listen; anything they send is ignored until they close.
            while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closed or aborted: the sender stops too.
        }
        finally
        {
            try
            {
                await session.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The session ended first (its close handshake timed out).
            }
        }
    }

    private async Task CloseAsync(bool shuttingDown)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(
                shuttingDown ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure,
                shuttingDown ? "dashboard stopping" : "bye",
                timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The peer is gone already.
        }
    }
}
