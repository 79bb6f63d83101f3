using System.Globalization;
using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Every message in every chat (the bot's and the users'), the chats seen, and the files uploaded.</summary>
internal sealed class MessageStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(long Chat, int Message), MessageState> _messages = [];
    private readonly Dictionary<long, int> _lastMessageId = [];
    private readonly Dictionary<long, FakeUser> _privateChatUsers = [];
    private readonly Dictionary<string, (RecordedFile File, string UniqueId)> _files = new(StringComparer.Ordinal);
    private long _nextFileNumber = 1;

    /// <summary>Message ids grow per chat and are shared by both sides, as in a private chat.</summary>
    public int NextMessageId(long chatId)
    {
        lock (_lock)
        {
            int id = _lastMessageId.GetValueOrDefault(chatId) + 1;
            _lastMessageId[chatId] = id;
            return id;
        }
    }

    public void Put(MessageState message)
    {
        lock (_lock)
            _messages[(message.ChatId, message.MessageId)] = message;
    }

    public MessageState? Find(long chatId, int messageId)
    {
        lock (_lock)
            return _messages.GetValueOrDefault((chatId, messageId));
    }

    public IReadOnlyList<MessageState> All()
    {
        lock (_lock)
            return [.. _messages.Values.OrderBy(m => m.ChatId).ThenBy(m => m.MessageId)];
    }

    public void RememberUser(long chatId, FakeUser user)
    {
        lock (_lock)
            _privateChatUsers[chatId] = user;
    }

    public JsonObject ChatJson(long chatId)
    {
        FakeUser? user;
        lock (_lock)
            user = _privateChatUsers.GetValueOrDefault(chatId);
        return TelegramJson.Chat(chatId, user);
    }

    /// <summary>Gives an uploaded file a file_id, so that sending it again by id works as on Telegram.</summary>
    public (string FileId, string FileUniqueId) RegisterFile(RecordedFile file)
    {
        lock (_lock)
        {
            long number = _nextFileNumber++;
            string fileId = $"FAKE-{file.Field}-{number.ToString(CultureInfo.InvariantCulture)}-AgACAgIAAxkDAAI";
            string uniqueId = $"uniq{number.ToString(CultureInfo.InvariantCulture)}";
            _files[fileId] = (file, uniqueId);
            return (fileId, uniqueId);
        }
    }

    public (RecordedFile File, string UniqueId)? FindFile(string fileId)
    {
        lock (_lock)
            return _files.TryGetValue(fileId, out var found) ? found : null;
    }
}
