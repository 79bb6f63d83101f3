using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClaudBot.Testing.FakeMarket;

/// <summary>
/// Yahoo's chart endpoint and NSE's bhavcopy archive on one loopback port, speaking HTTP/1.1 on a raw socket (so it can
/// cut a body short), one answer per connection. Faults are scripted per path; every request is recorded, with when it
/// came and how many were open at once, for politeness checks.
/// </summary>
public sealed class FakeMarketServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeFault> _always = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _accepting;
    private int _open;
    private int _disposed;

    private FakeMarketServer(FakeMarketData market)
    {
        Market = market;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"));
        _accepting = AcceptAsync();
    }

    public FakeMarketData Market { get; }

    /// <summary>The site's root, for both <c>MarketData:Update:YahooUrl</c> and <c>NseUrl</c>.</summary>
    public Uri Url { get; }

    /// <summary>Every request so far, in the order they arrived.</summary>
    public IReadOnlyList<FakeRequest> Requests => [.. _requests.OrderBy(r => r.Arrived)];

    public static FakeMarketServer Start(FakeMarketData market) => new(market);

    /// <summary>The next requests for <paramref name="path"/> (no query) meet these faults, one each, in order; then it answers.</summary>
    public void Script(string path, params FakeFault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<FakeFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Every request for <paramref name="path"/> meets <paramref name="fault"/>.</summary>
    public void Always(string path, FakeFault fault) => _always[path] = fault;

    /// <summary>The source is well again: <paramref name="path"/> is answered normally from now on.</summary>
    public void Heal(string path)
    {
        _always.TryRemove(path, out _);
        _faults.TryRemove(path, out _);
    }

    /// <summary>Forgets the requests recorded so far (a test's second run counts only its own).</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Stops listening and drops every open connection (a held request included); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _connections]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        int status = 0;
        string? target = null;
        TimeSpan arrived = default;
        int open = 0;
        try
        {
            var stream = client.GetStream();
            target = await HttpWire.ReadTargetAsync(stream, _stop.Token);
            if (target is null)
            {
                return;
            }

            arrived = _clock.Elapsed;
            open = Interlocked.Increment(ref _open);
            string path = target.Split('?', 2)[0];
            var response = await RespondAsync(path, target[path.Length..]);
            status = response.Status;
            await HttpWire.WriteAsync(stream, response, _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (killed, cancelled) or the site is stopping: nothing to answer.
        }
        finally
        {
            if (target is not null)
            {
                Interlocked.Decrement(ref _open);
                string path = target.Split('?', 2)[0];
                _requests.Enqueue(new FakeRequest(path, target[path.Length..], arrived, _clock.Elapsed, open, status));
            }
        }
    }

    private async Task<FakeResponse> RespondAsync(string path, string query)
    {
        var fault = _faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : _always.GetValueOrDefault(path);
        var normal = FakeMarketRoutes.Answer(Market, path, query);
        switch (fault?.Kind)
        {
            case FakeFaultKind.TooManyRequests:
                return FakeResponse.Text(429, "Too Many Requests") with { RetryAfterSeconds = fault.RetryAfterSeconds };
            case FakeFaultKind.Unavailable:
                return FakeResponse.Text(503, "<html><body>Service Unavailable</body></html>") with { RetryAfterSeconds = fault.RetryAfterSeconds };
            case FakeFaultKind.Truncated:
                return normal with { Truncate = true };
            case FakeFaultKind.Hang:
                fault.Hang!.Arrive();
                await fault.Hang.Released.WaitAsync(_stop.Token);
                return normal;
            default:
                return normal;
        }
    }
}
