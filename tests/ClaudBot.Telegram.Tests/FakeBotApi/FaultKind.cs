namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>How an injected fault answers a call.</summary>
public enum FaultKind
{
    /// <summary>HTTP 502 with nginx's HTML page, as Telegram's front proxy answers when the backend is away.</summary>
    BadGateway,

    /// <summary>A Bot API error envelope with the chosen code and description (429 carries retry_after).</summary>
    ApiError,

    /// <summary>The TCP connection is aborted without any response.</summary>
    DropConnection,
}
