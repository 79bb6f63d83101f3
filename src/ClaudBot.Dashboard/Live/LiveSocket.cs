using System.Net.WebSockets;
using ClaudBot.Dashboard.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Dashboard.Live;

/// <summary>
/// <c>/ws</c>: a <c>snapshot</c> first (cluster, unfinished and recent jobs), then the live events.
/// The client joins the hub before the snapshot is read, so nothing between the two is missed.
/// </summary>
internal static class LiveSocket
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    public static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket required.", detail: "/ws speaks WebSocket only.").ExecuteAsync(context);
            return;
        }

        var hub = context.RequestServices.GetRequiredService<LiveHub>();
        var views = context.RequestServices.GetRequiredService<ClusterViews>();
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var queue = hub.Join();
        try
        {
            var snapshot = new LiveMessage("snapshot")
            {
                Cluster = await views.ClusterAsync(session.Token),
                Jobs = await views.CurrentJobsAsync(session.Token),
            };
            await socket.SendAsync(LiveHub.Serialize(snapshot), WebSocketMessageType.Text, endOfMessage: true, session.Token);
            var receiving = ReceiveUntilCloseAsync(socket, session);
            while (!session.IsCancellationRequested)
            {
                byte[] payload = await queue.DequeueAsync(session.Token);
                await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, session.Token);
            }

            await receiving;
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The client left, or the node is stopping.
        }
        finally
        {
            await CloseAsync(socket, stopping.IsCancellationRequested);
            hub.Leave(queue);
        }
    }

    private static async Task ReceiveUntilCloseAsync(WebSocket socket, CancellationTokenSource session)
    {
        var buffer = new byte[1024];
        try
        {
            // Clients only listen; anything they send is ignored until they close. No token: cancelling a
            // receive aborts the socket, and a stopping server still owes the client a close frame.
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted: the sender stops too.
        }
        finally
        {
            await session.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket, bool shuttingDown)
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
