using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>Reads whole JSON messages from a WebSocket, with a deadline.</summary>
public static class SocketReader
{
    /// <summary>The next message, or null when the server closed the socket.</summary>
    public static async Task<JsonElement?> ReadAsync(WebSocket socket, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, deadline.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            }
        }
    }

    /// <summary>Messages about <paramref name="jobId"/> up to and including its job_done.</summary>
    public static async Task<List<JsonElement>> UntilDoneAsync(WebSocket socket, string jobId)
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = await ReadAsync(socket) ?? throw new InvalidOperationException("The socket closed before job_done.");
            if (message.TryGetProperty("job_id", out var id) && id.GetString() == jobId)
            {
                messages.Add(message);
                if (message.GetProperty("type").GetString() == "job_done")
                {
                    return messages;
                }
            }
        }
    }
}
