using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ClaudBot.Cluster;
using ClaudBot.Hosting;
using ClaudBot.Node;
using ClaudBot.Redis.Embedded;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// A real node in this process (embedded Redis on a free port, driver, one worker with 4 slots, the
/// dashboard on a free loopback port) in its own temp folder; clients talk to it over real HTTP.
/// </summary>
public sealed class DashboardNode : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private bool _stopped;

    private DashboardNode(TempDirectory folder, IHost host, int port)
    {
        _folder = folder;
        Host = host;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public IHost Host { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public string ResultsDirectory => _folder.Combine("results");

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Builds the node; <paramref name="bind"/> is the host part of Dashboard:Url (default 127.0.0.1).</summary>
    public static (IHost Host, TempDirectory Folder, int Port) Build(IReadOnlyDictionary<string, string?>? extra = null, string bind = "127.0.0.1", bool cluster = true, ILoggerProvider? logs = null)
    {
        QuickRun.Refuse("a node with its queue server and dashboard");
        var folder = new TempDirectory("claudbot-dash-");
        int port = TestPorts.Free();
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:Url"] = $"http://{bind}:{port.ToString(CultureInfo.InvariantCulture)}",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = ClaudBotHost.CreateBuilder(IsolatedBotSettings.In(folder, settings));
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        if (cluster)
        {
            builder.AddClusterNode(NodeRole.All, logFiles: false);
        }
        else
        {
            // The dashboard alone over the queue: the node's driver role without its driver service.
            builder.Services.AddClusterClient().AddEmbeddedRedisServer();
            builder.Services.AddClaudBotDashboard();
        }

        return (builder.Build(), folder, port);
    }

    public static async Task<DashboardNode> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, string bind = "127.0.0.1", bool cluster = true, ILoggerProvider? logs = null)
    {
        var (host, folder, port) = Build(extra, bind, cluster, logs);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            folder.Dispose();
            throw;
        }

        return new DashboardNode(folder, host, port);
    }

    public async Task<JsonElement> SubmitAsync(string strategies, string[] symbols, string from = "2022-01-01", string to = "2023-12-31")
    {
        using var response = await Client.PostAsync("/api/jobs", Json(new { strategies, symbols, from, to, cost_bps = 10 }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls GET /api/jobs/{id} until the job is finished.</summary>
    public async Task<JsonElement> WaitFinishedAsync(string id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var job = await GetJsonAsync($"/api/jobs/{id}");
            if (job.GetProperty("state").GetString() is "completed" or "completed_with_errors" or "cancelled")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < until, $"job {id} did not finish: {job}");
            await Task.Delay(50);
        }
    }

    public async Task<ClientWebSocket> ConnectSocketAsync(string? token = null, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true; // a refused upgrade's status (401, 403, 503) stays readable
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }

        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/ws"), CancellationToken.None);
        return socket;
    }

    public static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        Host.Dispose();
        _folder.Dispose();
    }
}
