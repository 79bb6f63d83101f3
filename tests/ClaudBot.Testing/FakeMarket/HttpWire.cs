using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ClaudBot.Testing.FakeMarket;

/// <summary>HTTP/1.1 on a raw socket: reads a request's head, writes an answer (whole, or cut short), one per connection.</summary>
internal static class HttpWire
{
    private const int MaxHead = 16 * 1024;

    /// <summary>The request's target (<c>/path?query</c>), or null when the client closed before a whole head came.</summary>
    public static async Task<string?> ReadTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(1024);
        var buffer = new byte[1024];
        while (!EndsHead(head))
        {
            int read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0 || head.Count > MaxHead)
            {
                return null;
            }

            head.AddRange(buffer.AsSpan(0, read));
        }

        string requestLine = Encoding.ASCII.GetString([.. head]).Split("\r\n", 2)[0];
        string[] parts = requestLine.Split(' ');
        return parts.Length == 3 && parts[0] == "GET" ? parts[1] : null;
    }

    public static async Task WriteAsync(NetworkStream stream, FakeResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {FakeResponse.Reason(response.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
        if (response.RetryAfterSeconds is { } wait)
        {
            head.Append(CultureInfo.InvariantCulture, $"Retry-After: {wait}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        int length = response.Truncate ? response.Body.Length / 2 : response.Body.Length;
        await stream.WriteAsync(response.Body.AsMemory(0, length), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static bool EndsHead(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
