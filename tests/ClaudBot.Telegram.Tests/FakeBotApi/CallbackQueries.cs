using System.Globalization;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Button presses the test enqueued, and which of them the bot answered.</summary>
internal sealed class CallbackQueries
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CallbackQueryState> _queries = new(StringComparer.Ordinal);
    private long _next = 4_382_000_000_000_001;

    public CallbackQueryState Create(long userId, long chatId, int messageId, string data, DateTimeOffset now)
    {
        lock (_lock)
        {
            string id = (_next++).ToString(CultureInfo.InvariantCulture);
            var query = new CallbackQueryState(id, userId, chatId, messageId, data, now);
            _queries[id] = query;
            return query;
        }
    }

    public CallbackQueryState? Find(string id)
    {
        lock (_lock)
            return _queries.GetValueOrDefault(id);
    }

    public IReadOnlyList<CallbackQueryState> All()
    {
        lock (_lock)
            return [.. _queries.Values];
    }

    /// <summary>Answers a query once; an unknown, already answered or expired id is refused in Telegram's words.</summary>
    public CallbackQueryState Answer(string id, string? text, bool showAlert, DateTimeOffset now, TimeSpan window)
    {
        lock (_lock)
        {
            if (!_queries.TryGetValue(id, out var query) || query.Answered || now - query.CreatedAt > window)
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            var answered = query with { Answered = true, AnswerText = text, ShowAlert = showAlert, AnsweredAt = now };
            _queries[id] = answered;
            return answered;
        }
    }
}
