using System.Diagnostics;
using System.Net.WebSockets;

namespace ClaudBot.Dashboard.Tests;

/// <summary>Stopping the node sends every /ws client a close frame (1001, "dashboard stopping"), never a bare reset.</summary>
[Trait("Category", "RealServer")]
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_SendsEveryLiveClientACloseFrame_EndpointUnavailable()
    {
        await using var node = await DashboardNode.StartAsync(cluster: false);
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                var socket = await node.ConnectSocketAsync();
                sockets.Add(socket);
                Assert.Equal("snapshot", (await SocketReader.ReadAsync(socket))!.Value.GetProperty("type").GetString());
            }

            var stopping = Stopwatch.StartNew();
            await node.StopAsync();
            foreach (var socket in sockets)
            {
                // Strict: a reset or a close without a frame throws here and fails the test.
                Assert.Null(await SocketReader.ReadAsync(socket, TimeSpan.FromSeconds(5)));
                Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
                Assert.Equal("dashboard stopping", socket.CloseStatusDescription);
            }

            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(6), $"stop took {stopping.Elapsed}");
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }
}
