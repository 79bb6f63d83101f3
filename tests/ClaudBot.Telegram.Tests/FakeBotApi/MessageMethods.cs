using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>sendMessage, sendPhoto, sendDocument, editMessageText and editMessageReplyMarkup, with Telegram's checks.</summary>
internal sealed class MessageMethods(FakeBotApiOptions options, MessageStore messages, JsonObject botUser)
{
    private const int MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxDocumentBytes = 50 * 1024 * 1024;

    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    public MethodResult SendMessage(BotApiRequest request)
    {
        long chatId = request.ChatId();
        var text = TelegramText.MessageText(request.Optional("text"), request.Optional("parse_mode"), request.Optional("entities"), options.StrictHtmlEscaping);
        string? markup = ReplyMarkup.Validate(request.Optional("reply_markup"));
        var replyTo = ReplyTo(request, chatId);
        return Store(NewMessage(chatId, "text") with
        {
            Text = text.Text,
            RawText = request.Optional("text"),
            ParseMode = request.Optional("parse_mode"),
            Entities = text.Entities,
            ReplyMarkupJson = markup,
            ReplyTo = replyTo,
        });
    }

    public MethodResult SendPhoto(BotApiRequest request) => SendFile(request, "photo");

    public MethodResult SendDocument(BotApiRequest request) => SendFile(request, "document");

    public MethodResult EditMessageText(BotApiRequest request)
    {
        long chatId = request.ChatId();
        int messageId = request.MessageId();
        var text = TelegramText.MessageText(request.Optional("text"), request.Optional("parse_mode"), request.Optional("entities"), options.StrictHtmlEscaping);
        // Telegram drops the keyboard of a message edited without reply_markup.
        string? markup = ReplyMarkup.Validate(request.Optional("reply_markup"));
        var current = Editable(chatId, messageId);
        if (current.Kind != "text")
            throw BotApiException.BadRequest("there is no text in the message to edit");
        if (current.FormattedText.SameAs(text) && current.ReplyMarkupJson == markup)
            throw BotApiException.BadRequest(NotModified);
        return Store(Edited(current) with
        {
            Text = text.Text,
            RawText = request.Optional("text"),
            ParseMode = request.Optional("parse_mode"),
            Entities = text.Entities,
            ReplyMarkupJson = markup,
        });
    }

    public MethodResult EditMessageReplyMarkup(BotApiRequest request)
    {
        long chatId = request.ChatId();
        int messageId = request.MessageId();
        string? markup = ReplyMarkup.Validate(request.Optional("reply_markup"));
        var current = Editable(chatId, messageId);
        if (current.ReplyMarkupJson == markup)
            throw BotApiException.BadRequest(NotModified);
        return Store(Edited(current) with { ReplyMarkupJson = markup });
    }

    private MethodResult SendFile(BotApiRequest request, string field)
    {
        long chatId = request.ChatId();
        var (file, ids) = ResolveFile(request, field);
        if (file.IsUpload)
            CheckUpload(file, field);
        var caption = TelegramText.Caption(request.Optional("caption"), request.Optional("parse_mode"), request.Optional("caption_entities"), options.StrictHtmlEscaping);
        string? markup = ReplyMarkup.Validate(request.Optional("reply_markup"));
        var replyTo = ReplyTo(request, chatId);
        return Store(NewMessage(chatId, field) with
        {
            Caption = caption.Text,
            RawCaption = request.Optional("caption"),
            ParseMode = request.Optional("parse_mode"),
            CaptionEntities = caption.Entities,
            ReplyMarkupJson = markup,
            File = file,
            FileIds = ids,
            ReplyTo = replyTo,
        });
    }

    /// <summary>attach://NAME points at a multipart part; a part named like the field works too; else a file_id or URL.</summary>
    private (RecordedFile File, (string, string) Ids) ResolveFile(BotApiRequest request, string field)
    {
        string? value = request.Optional(field);
        RecordedFile? upload = null;
        if (value is null)
            upload = request.Parts.GetValueOrDefault(field);
        else if (value.StartsWith("attach://", StringComparison.Ordinal))
            upload = request.Parts.GetValueOrDefault(value["attach://".Length..]);
        if (upload is not null)
            return (upload with { Field = field }, messages.RegisterFile(upload with { Field = field }));
        if (value is null || value.StartsWith("attach://", StringComparison.Ordinal))
            throw BotApiException.BadRequest($"there is no {field} in the request");

        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var linked = new RecordedFile(field, null, Path.GetFileName(new Uri(value).AbsolutePath), null, [], value);
            return (linked, messages.RegisterFile(linked));
        }
        var known = messages.FindFile(value) ?? throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
        return (known.File with { Field = field, PartName = null, Reference = value }, (value, known.UniqueId));
    }

    private static void CheckUpload(RecordedFile file, string field)
    {
        if (file.Bytes.Length == 0)
            throw BotApiException.BadRequest("file must be non-empty");
        if (file.Bytes.Length > (field == "photo" ? MaxPhotoBytes : MaxDocumentBytes))
            throw new BotApiException(413, "Request Entity Too Large");
        if (field != "photo")
            return;
        var (width, height) = ImageInfo.Dimensions(file.Bytes) ?? throw BotApiException.BadRequest("IMAGE_PROCESS_FAILED");
        if (width <= 0 || height <= 0 || width + height > 10_000 || Math.Max(width, height) > 20 * Math.Min(width, height))
            throw BotApiException.BadRequest("PHOTO_INVALID_DIMENSIONS");
    }

    private JsonObject? ReplyTo(BotApiRequest request, long chatId)
    {
        int messageId;
        bool allowWithout;
        if (request.Optional("reply_parameters") is { } json)
        {
            var parameters = JsonNode.Parse(json) as JsonObject;
            messageId = parameters?["message_id"]?.GetValue<int>() ?? 0;
            allowWithout = parameters?["allow_sending_without_reply"]?.GetValue<bool>() ?? false;
        }
        else
        {
            messageId = request.Int("reply_to_message_id", 0);
            allowWithout = request.Flag("allow_sending_without_reply");
        }
        if (messageId == 0)
            return null;
        if (messages.Find(chatId, messageId) is { } original)
            return Json(original);
        return allowWithout ? null : throw BotApiException.BadRequest("message to be replied not found");
    }

    private MessageState Editable(long chatId, int messageId)
    {
        var current = messages.Find(chatId, messageId) ?? throw BotApiException.BadRequest("message to edit not found");
        return current.FromBot ? current : throw BotApiException.BadRequest("message can't be edited");
    }

    private MessageState NewMessage(long chatId, string kind) =>
        new(chatId, messages.NextMessageId(chatId), FromBot: true, kind, null, null, null, [], null, null, [], null, null, options.Time.GetUtcNow(), null, 0);

    private MessageState Edited(MessageState current) =>
        current with { EditDate = options.Time.GetUtcNow(), EditCount = current.EditCount + 1 };

    private MethodResult Store(MessageState message)
    {
        messages.Put(message);
        return new MethodResult(Json(message), message.MessageId);
    }

    private JsonObject Json(MessageState message) =>
        TelegramJson.Message(message, message.Sender is null ? botUser.DeepClone().AsObject() : TelegramJson.User(message.Sender), messages.ChatJson(message.ChatId));
}
