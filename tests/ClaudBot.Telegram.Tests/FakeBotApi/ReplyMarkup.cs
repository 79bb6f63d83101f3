using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>reply_markup: checked as Telegram checks inline keyboards, and kept in one canonical JSON form.</summary>
internal static class ReplyMarkup
{
    private const int MaxCallbackDataBytes = 64;

    private static readonly string[] ButtonActions =
    [
        "callback_data", "url", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "callback_game", "pay", "web_app", "copy_text",
    ];

    /// <summary>The markup a message keeps: an inline keyboard with at least one button, or null.</summary>
    public static string? Validate(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        JsonObject markup;
        try
        {
            markup = JsonNode.Parse(json) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
        }
        if (markup["inline_keyboard"] is not JsonArray rows)
            return null; // A reply keyboard or its removal: shown by the client, never attached to the message.

        foreach (var row in rows)
        {
            if (row is not JsonArray buttons)
                throw BotApiException.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
            foreach (var button in buttons)
                ValidateButton(button as JsonObject);
        }
        return rows.Any(r => r is JsonArray { Count: > 0 }) ? markup.ToJsonString() : null;
    }

    public static IReadOnlyList<IReadOnlyList<InlineButton>> Buttons(string? json)
    {
        if (json is null || JsonNode.Parse(json)?["inline_keyboard"] is not JsonArray rows)
            return [];
        return [.. rows.OfType<JsonArray>().Select(row => (IReadOnlyList<InlineButton>)[.. row.OfType<JsonObject>().Select(b => new InlineButton(
            b["text"]?.GetValue<string>() ?? string.Empty,
            b["callback_data"]?.GetValue<string>(),
            b["url"]?.GetValue<string>()))])];
    }

    private static void ValidateButton(JsonObject? button)
    {
        if (button is null)
            throw BotApiException.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        if (button["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            throw BotApiException.BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        if (!ButtonActions.Any(button.ContainsKey))
            throw BotApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        if (button["callback_data"] is JsonNode data)
        {
            string value = data.GetValueKind() == JsonValueKind.String ? data.GetValue<string>() : data.ToJsonString();
            int bytes = Encoding.UTF8.GetByteCount(value);
            if (bytes is 0 or > MaxCallbackDataBytes)
                throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
        }
    }
}
