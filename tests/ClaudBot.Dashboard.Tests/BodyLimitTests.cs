using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// A body far over Dashboard:MaxRequestBytes (10 MB against 64 KB) is answered 413 with a problem naming
/// the limit, on any path, and the client reads that answer instead of a reset connection.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class BodyLimitTests(NodeFixture fixture)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private DashboardNode Node => fixture.Node;

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/login")]
    [InlineData("/api/jobs/nosuchjob")]
    public async Task TenMegabyteBody_WholeUpload_Is413ProblemNamingTheLimit(string path)
    {
        using var content = new ByteArrayContent(new byte[TenMegabytes]);
        content.Headers.ContentType = new("application/json");
        using var response = await Node.Client.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request body is larger than the limit of 65536 bytes (Dashboard:MaxRequestBytes).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TenMegabyteBody_AnswerArrivesWhileTheClientIsStillSending()
    {
        // A raw socket announces 10 MB and sends only the first 256 KB: the answer must not wait for the rest.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Node.Port);
        var stream = tcp.GetStream();
        string head = string.Create(CultureInfo.InvariantCulture,
            $"POST /api/jobs HTTP/1.1\r\nHost: 127.0.0.1:{Node.Port}\r\nContent-Type: application/json\r\nContent-Length: {TenMegabytes}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[256 * 1024]);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        var answer = new StringBuilder();
        while (!answer.ToString().Contains("MaxRequestBytes", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, deadline.Token);
            Assert.True(read > 0, $"connection closed after: {answer}");
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        string text = answer.ToString();
        Assert.StartsWith("HTTP/1.1 413 ", text, StringComparison.Ordinal);
        Assert.Contains("Connection: close", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("limit of 65536 bytes", text, StringComparison.Ordinal);
    }
}
