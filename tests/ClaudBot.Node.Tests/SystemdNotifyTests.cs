using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ClaudBot.Testing;

namespace ClaudBot.Node.Tests;

/// <summary>
/// <c>claudbot-node run</c> speaks systemd's notify protocol (the unit is Type=notify): with NOTIFY_SOCKET naming a
/// Unix datagram socket, READY=1 arrives once the node answers, and STOPPING=1 when SIGTERM stops it.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task Run_WithANotifySocket_SaysReadyOnlyOnceTheDashboardAnswers_AndStoppingOnSigterm()
    {
        QuickRun.Refuse("claudbot-node run");
        using var folder = new TempDirectory("claudbot-notify-");
        string socketPath = folder.Combine("notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));

        var settings = IsolatedBotSettings.In(folder);
        string dashboard = settings["Dashboard:Url"]!;
        using var node = StartNode(settings, folder.Combine("home"), socketPath);
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string first = await ReceiveAsync(notify, timeout.Token);
            Assert.Contains("READY=1", first, StringComparison.Ordinal);

            // Ready means ready: the dashboard answers at once, with no retry.
            using var client = new HttpClient { BaseAddress = new Uri(dashboard), Timeout = TimeSpan.FromSeconds(10) };
            using (var health = await client.GetAsync("/healthz"))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            }

            using (var term = Process.Start("kill", ["-TERM", node.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(timeout.Token);
            }

            Assert.Contains("STOPPING=1", await ReceiveAsync(notify, timeout.Token), StringComparison.Ordinal);
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"exit {node.ExitCode}: {await errors}");
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
            }

            await Task.WhenAll(output, errors);
        }
    }

    private static Process StartNode(IReadOnlyDictionary<string, string?> settings, string home, string socketPath)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "claudbot-node.dll"));
        start.ArgumentList.Add("run");
        start.Environment["CLAUDBOT_HOME"] = home;
        start.Environment["NOTIFY_SOCKET"] = socketPath;
        foreach (var (key, value) in settings.Where(s => s.Key != "Home"))
        {
            start.Environment["CLAUDBOT_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        int length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
