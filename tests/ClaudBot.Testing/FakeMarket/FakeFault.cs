namespace ClaudBot.Testing.FakeMarket;

/// <summary>What the fake site does instead of answering a request normally.</summary>
public sealed record FakeFault(FakeFaultKind Kind, int? RetryAfterSeconds = null, HangingRequest? Hang = null)
{
    /// <summary>429 Too Many Requests, with a Retry-After in seconds.</summary>
    public static FakeFault TooManyRequests(int retryAfterSeconds) => new(FakeFaultKind.TooManyRequests, retryAfterSeconds);

    /// <summary>503 Service Unavailable (with a Retry-After when given).</summary>
    public static FakeFault Unavailable(int? retryAfterSeconds = null) => new(FakeFaultKind.Unavailable, retryAfterSeconds);

    /// <summary>The right headers and a Content-Length for the whole body, then half of it and the connection closed.</summary>
    public static FakeFault Truncated() => new(FakeFaultKind.Truncated);

    /// <summary>Says nothing until <see cref="HangingRequest.Release"/> (then answers normally) or the site stops.</summary>
    public static FakeFault Hanging(HangingRequest hang) => new(FakeFaultKind.Hang, Hang: hang);
}

public enum FakeFaultKind
{
    TooManyRequests,
    Unavailable,
    Truncated,
    Hang,
}
