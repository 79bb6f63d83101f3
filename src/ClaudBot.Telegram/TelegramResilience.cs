using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace ClaudBot.Telegram;

/// <summary>
/// Retries for the Bot API with exponential backoff and jitter (Polly): network failures, timeouts,
/// Telegram's 5xx and 429. A 4xx other than 429 is our mistake or the user's and is not retried.
/// Telegram.Bot already honours short <c>retry_after</c> values on 429 itself.
/// </summary>
internal static class TelegramResilience
{
    public static bool IsTransient(Exception error) => error switch
    {
        ApiRequestException api => api.ErrorCode is >= 500 or 429,
        RequestException => true,
        HttpRequestException or IOException => true,
        TaskCanceledException => true,
        _ => false,
    };

    /// <summary>For the polling loop: everything but a refused token (401, 404) is worth another try after a wait.</summary>
    public static bool IsWorthPollingAgain(Exception error) => error is not ApiRequestException { ErrorCode: 401 or 404 } && error is not OperationCanceledException;

    public static ResiliencePipeline Build(string operation, int attempts, TelegramOptions options, TimeProvider time, ILogger logger, Func<Exception, bool>? retryable = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = attempts,
                Delay = TimeSpan.FromMilliseconds(Math.Min(500, options.MaxBackoff.TotalMilliseconds)),
                MaxDelay = options.MaxBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Telegram says how long to wait after a 429 (the client already retried the short waits itself).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ApiRequestException { Parameters.RetryAfter: int seconds } ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } error && (retryable ?? IsTransient)(error) && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    TelegramLog.Retrying(logger, operation, args.Outcome.Exception?.Message ?? "unknown", args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
