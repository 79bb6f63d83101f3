using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Builds the Bot API's objects (User, Chat, Message, entities) in its snake_case JSON.</summary>
internal static class TelegramJson
{
    public static JsonObject User(FakeUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName };
        if (user.Username is not null)
            json["username"] = user.Username;
        if (user.LanguageCode is not null)
            json["language_code"] = user.LanguageCode;
        return json;
    }

    public static JsonObject Bot(long id, string firstName, string username, bool full) =>
        full
            ? new JsonObject
            {
                ["id"] = id,
                ["is_bot"] = true,
                ["first_name"] = firstName,
                ["username"] = username,
                ["can_join_groups"] = true,
                ["can_read_all_group_messages"] = false,
                ["supports_inline_queries"] = false,
                ["can_connect_to_business"] = false,
                ["has_main_web_app"] = false,
            }
            : new JsonObject { ["id"] = id, ["is_bot"] = true, ["first_name"] = firstName, ["username"] = username };

    /// <summary>Positive ids are private chats, -100... supergroups, other negative ids groups.</summary>
    public static JsonObject Chat(long chatId, FakeUser? user)
    {
        if (chatId > 0)
        {
            var chat = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = user?.FirstName ?? "Test" };
            if (user?.Username is not null)
                chat["username"] = user.Username;
            return chat;
        }
        return new JsonObject
        {
            ["id"] = chatId,
            ["type"] = chatId <= -1_000_000_000_000 ? "supergroup" : "group",
            ["title"] = "Test group",
        };
    }

    public static JsonObject Message(MessageState message, JsonObject from, JsonObject chat)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = from,
            ["chat"] = chat,
            ["date"] = message.Date.ToUnixTimeSeconds(),
        };
        if (message.EditDate is { } edited)
            json["edit_date"] = edited.ToUnixTimeSeconds();
        if (message.ReplyTo is not null)
            json["reply_to_message"] = message.ReplyTo.DeepClone();
        if (message.Text is not null)
        {
            json["text"] = message.Text;
            AddEntities(json, "entities", message.Entities);
        }
        if (message.File is not null && message.Kind == "photo")
            json["photo"] = PhotoSizes(message.File, message.FileIds);
        if (message.File is not null && message.Kind == "document")
            json["document"] = Document(message.File, message.FileIds);
        if (message.Caption is { Length: > 0 })
        {
            json["caption"] = message.Caption;
            AddEntities(json, "caption_entities", message.CaptionEntities);
        }
        if (message.ReplyMarkupJson is not null)
            json["reply_markup"] = JsonNode.Parse(message.ReplyMarkupJson);
        return json;
    }

    public static JsonArray Entities(IEnumerable<TextEntity> entities)
    {
        var array = new JsonArray();
        foreach (var entity in entities)
        {
            var json = new JsonObject { ["type"] = entity.Type, ["offset"] = entity.Offset, ["length"] = entity.Length };
            if (entity.Url is not null)
                json["url"] = entity.Url;
            if (entity.Language is not null)
                json["language"] = entity.Language;
            if (entity.CustomEmojiId is not null)
                json["custom_emoji_id"] = entity.CustomEmojiId;
            array.Add(json);
        }
        return array;
    }

    private static void AddEntities(JsonObject json, string name, IReadOnlyList<TextEntity> entities)
    {
        if (entities.Count > 0)
            json[name] = Entities(entities);
    }

    /// <summary>Telegram answers a photo with several sizes, the largest last; here a thumbnail and the original.</summary>
    private static JsonArray PhotoSizes(RecordedFile file, (string FileId, string FileUniqueId) ids)
    {
        var (width, height) = ImageInfo.Dimensions(file.Bytes) ?? (0, 0);
        double scale = Math.Min(1.0, 90.0 / Math.Max(1, Math.Max(width, height)));
        return
        [
            Size(ids.FileId + "-s", ids.FileUniqueId + "s", (int)Math.Round(width * scale), (int)Math.Round(height * scale), Math.Min(file.Bytes.Length, 2048)),
            Size(ids.FileId, ids.FileUniqueId, width, height, file.Bytes.Length),
        ];
    }

    private static JsonObject Size(string fileId, string uniqueId, int width, int height, int size) => new()
    {
        ["file_id"] = fileId,
        ["file_unique_id"] = uniqueId,
        ["width"] = width,
        ["height"] = height,
        ["file_size"] = size,
    };

    private static JsonObject Document(RecordedFile file, (string FileId, string FileUniqueId) ids)
    {
        var json = new JsonObject
        {
            ["file_id"] = ids.FileId,
            ["file_unique_id"] = ids.FileUniqueId,
            ["file_name"] = file.FileName ?? "file",
            ["mime_type"] = MimeTypes.FromFileName(file.FileName),
            ["file_size"] = file.Bytes.Length,
        };
        return json;
    }
}
