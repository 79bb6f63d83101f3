using System.Text.Json;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// Text and caption rules: parse_mode (HTML checked like Telegram; Markdown refused by the fake, which cannot check
/// it), explicit entities, trimming of surrounding white space, and the limits, counted in characters of the text
/// the user would see (after tags are removed and entities decoded).
/// </summary>
internal static class TelegramText
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    public static FormattedText MessageText(string? raw, string? parseMode, string? entitiesJson, bool strictHtml)
    {
        var text = Parse(raw ?? string.Empty, parseMode, entitiesJson, strictHtml);
        if (text.Text.Length == 0)
            throw BotApiException.BadRequest("message text is empty");
        if (Characters(text.Text) > MaxTextLength)
            throw BotApiException.BadRequest("message is too long");
        return text;
    }

    public static FormattedText Caption(string? raw, string? parseMode, string? entitiesJson, bool strictHtml)
    {
        if (string.IsNullOrEmpty(raw))
            return FormattedText.Empty;
        var caption = Parse(raw, parseMode, entitiesJson, strictHtml);
        if (Characters(caption.Text) > MaxCaptionLength)
            throw BotApiException.BadRequest("message caption is too long");
        return caption;
    }

    private static FormattedText Parse(string raw, string? parseMode, string? entitiesJson, bool strictHtml)
    {
        FormattedText parsed = parseMode?.ToUpperInvariant() switch
        {
            null or "" => new FormattedText(raw, ExplicitEntities(entitiesJson)),
            "HTML" => HtmlParser.Parse(raw, strictHtml),
            "MARKDOWN" or "MARKDOWNV2" => throw BotApiException.BadRequest(
                $"parse_mode {parseMode} is not checked by the fake Bot API; use HTML or plain text in tests"),
            _ => throw BotApiException.BadRequest("unsupported parse_mode"),
        };
        return Trim(parsed);
    }

    /// <summary>Telegram strips white space around a text; entities move with the text and empty ones vanish.</summary>
    private static FormattedText Trim(FormattedText text)
    {
        string trimmed = text.Text.Trim();
        if (trimmed.Length == text.Text.Length)
            return text;
        int lead = text.Text.Length - text.Text.TrimStart().Length;
        var entities = new List<TextEntity>();
        foreach (var entity in text.Entities)
        {
            int start = Math.Clamp(entity.Offset - lead, 0, trimmed.Length);
            int end = Math.Clamp(entity.Offset + entity.Length - lead, 0, trimmed.Length);
            if (end > start)
                entities.Add(entity with { Offset = start, Length = end - start });
        }
        return new FormattedText(trimmed, entities);
    }

    private static List<TextEntity> ExplicitEntities(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(e => new TextEntity(
                e.GetProperty("type").GetString() ?? "unknown",
                e.GetProperty("offset").GetInt32(),
                e.GetProperty("length").GetInt32(),
                e.TryGetProperty("url", out var url) ? url.GetString() : null,
                e.TryGetProperty("language", out var language) ? language.GetString() : null,
                e.TryGetProperty("custom_emoji_id", out var emoji) ? emoji.GetString() : null))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw BotApiException.BadRequest("can't parse entities JSON object");
        }
    }

    /// <summary>Telegram's limits count Unicode characters (code points), not UTF-16 units or bytes.</summary>
    private static int Characters(string text) => text.EnumerateRunes().Count();
}
