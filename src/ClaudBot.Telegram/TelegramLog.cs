using Microsoft.Extensions.Logging;

namespace ClaudBot.Telegram;

/// <summary>The Telegram channel's log lines. No token ever appears in them.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot polling for updates")]
    public static partial void Polling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Operation} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused Telegram user {UserId} (@{Username}) in chat {ChatId}: not in Telegram:Users")]
    public static partial void Refused(ILogger logger, long userId, string? username, long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Telegram update for chat {ChatId} failed")]
    public static partial void HandlerFailed(ILogger logger, long chatId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a Telegram update from chat {ChatId}: its queue is full (or too many chats are open)")]
    public static partial void UpdateDropped(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram refused the bot's token ({Code}: {Reason}); check TELEGRAM_BOT_TOKEN. The bot stops.")]
    public static partial void TokenRefused(ILogger logger, int code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send to Telegram chat {ChatId}: {Reason}")]
    public static partial void SendFailed(ILogger logger, long chatId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following job {JobId} for Telegram chat {ChatId} in this process only (not recorded in the queue server: {Reason}); a restart forgets it")]
    public static partial void FollowNotRecorded(ILogger logger, long chatId, string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}'s end for Telegram chat {ChatId} was sent by another bot process; not sent again")]
    public static partial void EndSentElsewhere(ILogger logger, long chatId, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking at the cluster for subscribed chats failed: {Reason}")]
    public static partial void WatchFailed(ILogger logger, string reason);
}
