using System.Net.Sockets;
using Polly;
using Polly.Retry;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// Asks a source politely: one request at a time, at least <see cref="UpdateOptions.MinInterval"/> between starts, and
/// again (Polly, exponential backoff) after a 429, a 5xx, a timeout or a body cut off, waiting as long as a Retry-After
/// says (capped at <see cref="UpdateOptions.MaxRetryAfter"/>). A connection that cannot be made is not retried: that is
/// being offline, said at once as <see cref="SourceUnreachableException"/>.
/// </summary>
internal sealed class PoliteClient
{
    private readonly HttpClient _http;
    private readonly UpdateOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<Fetched> _retry;
    private long? _lastStart;

    public PoliteClient(HttpClient http, UpdateOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _retry = new ResiliencePipelineBuilder<Fetched> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Fetched>
            {
                MaxRetryAttempts = Math.Max(options.MaxAttempts - 1, 1),
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = options.MaxRetryAfter,
                BackoffType = DelayBackoffType.Exponential,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait ? Cap(wait) : (TimeSpan?)null),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { IsTransient: true } } => true,
                    { Exception: HttpRequestException or IOException or TimeoutException } => true,
                    _ => false,
                }),
                OnRetry = _ =>
                {
                    Retries++;
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public int Requests { get; private set; }

    public int Retries { get; private set; }

    /// <exception cref="SourceUnreachableException">No connection could be made to the host.</exception>
    /// <exception cref="HttpRequestException">Every try failed in transit (the last failure).</exception>
    public async Task<Fetched> GetAsync(Uri uri, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async token => await OnceAsync(uri, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<Fetched> OnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        await WaitYourTurnAsync(cancellationToken).ConfigureAwait(false);
        Requests++;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            // A body shorter than its Content-Length throws here (HttpIOException, an IOException): retried.
            byte[] body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return new Fetched(response.StatusCode, body, RetryAfter(response));
        }
        catch (HttpRequestException failed) when (Unreachable(failed) is { } reason)
        {
            throw new SourceUnreachableException(uri.Host, reason, failed);
        }
        catch (OperationCanceledException late) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{uri.Host} did not answer within {_options.Timeout.TotalSeconds:0} s", late);
        }
    }

    private async Task WaitYourTurnAsync(CancellationToken cancellationToken)
    {
        if (_lastStart is { } last)
        {
            var wait = _options.MinInterval - _time.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        _lastStart = _time.GetTimestamp();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    private TimeSpan Cap(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;

    // The failures that mean no conversation could start: the user's network, or a host that is not there.
    private static string? Unreachable(HttpRequestException failed) => failed.InnerException is SocketException socket
        ? socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "name not resolved",
            SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
            SocketError.HostUnreachable => "host unreachable",
            SocketError.TimedOut => "connection timed out",
            _ => null,
        }
        : failed.HttpRequestError == HttpRequestError.NameResolutionError ? "name not resolved" : null;
}
