using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Builds what users do (write, press a button) as the updates Telegram would deliver, and queues them.</summary>
internal sealed class IncomingUpdates(FakeBotApiOptions options, MessageStore messages, UpdateQueue updates, CallbackQueries callbacks, JsonObject botUser)
{
    public EnqueuedUpdate TextMessage(FakeUser user, long chatId, string text)
    {
        if (chatId > 0)
            messages.RememberUser(chatId, user);
        // Telegram marks a leading /command as a bot_command entity.
        var entities = text.StartsWith('/')
            ? [new TextEntity("bot_command", 0, text.IndexOfAny([' ', '\n']) is var end and > 0 ? end : text.Length)]
            : Array.Empty<TextEntity>();
        var message = new MessageState(
            chatId, messages.NextMessageId(chatId), FromBot: false, "text", text, text, null, entities,
            null, null, [], null, null, options.Time.GetUtcNow(), null, 0) { Sender = user };
        messages.Put(message);
        var json = TelegramJson.Message(message, TelegramJson.User(user), messages.ChatJson(chatId));
        long updateId = updates.Enqueue(new JsonObject { ["message"] = json });
        return new EnqueuedUpdate(updateId, MessageId: message.MessageId);
    }

    public EnqueuedUpdate CallbackQuery(FakeUser user, long chatId, int messageId, string data)
    {
        var query = callbacks.Create(user.Id, chatId, messageId, data, options.Time.GetUtcNow());
        var json = new JsonObject
        {
            ["id"] = query.Id,
            ["from"] = TelegramJson.User(user),
            ["message"] = MessageWithButton(chatId, messageId),
            ["chat_instance"] = (-(Math.Abs(chatId) * 7919 % 9_000_000_000_000_000) - 1).ToString(CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        long updateId = updates.Enqueue(new JsonObject { ["callback_query"] = json });
        return new EnqueuedUpdate(updateId, MessageId: messageId, CallbackQueryId: query.Id);
    }

    public long Raw(string updateJson)
    {
        JsonObject update;
        try
        {
            update = JsonNode.Parse(updateJson) as JsonObject ?? throw new ArgumentException("An update is a JSON object.", nameof(updateJson));
        }
        catch (JsonException e)
        {
            throw new ArgumentException("An update is a JSON object: " + e.Message, nameof(updateJson), e);
        }
        return updates.Enqueue(update);
    }

    /// <summary>The message as it is now; one the fake never saw comes as Telegram's inaccessible message (date 0).</summary>
    private JsonObject MessageWithButton(long chatId, int messageId)
    {
        if (messages.Find(chatId, messageId) is { } message)
        {
            var from = message.Sender is null ? botUser.DeepClone().AsObject() : TelegramJson.User(message.Sender);
            return TelegramJson.Message(message, from, messages.ChatJson(chatId));
        }
        return new JsonObject { ["chat"] = messages.ChatJson(chatId), ["message_id"] = messageId, ["date"] = 0 };
    }
}
