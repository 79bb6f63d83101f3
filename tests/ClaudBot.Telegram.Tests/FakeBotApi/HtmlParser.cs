using System.Globalization;
using System.Text;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// Telegram's parse_mode=HTML, after tdlib's parse_html: the supported tags, balanced, their entities, and the
/// same error texts with UTF-8 byte offsets. In strict mode a bare &amp; or &gt; is refused too (Telegram lets them
/// through, but the Bot API documentation requires escaping, and unescaped user text is the bug this catches).
/// </summary>
internal static class HtmlParser
{
    private static readonly HashSet<string> SupportedTags = new(StringComparer.Ordinal)
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
        "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
    };

    public static FormattedText Parse(string html, bool strict)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<TextEntity>();
        var open = new List<HtmlOpenTag>();
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '&')
            {
                int start = i;
                if (TryDecodeEntity(html, ref i, out string decoded))
                {
                    text.Append(decoded);
                    continue;
                }
                if (strict)
                    throw Error($"Unescaped \"&\" at byte offset {ByteOffset(html, start)}; write &amp; (the fake is stricter than Telegram here, as the Bot API documentation asks)");
            }
            else if (c == '>' && strict)
            {
                throw Error($"Unescaped \">\" at byte offset {ByteOffset(html, i)}; write &gt; (the fake is stricter than Telegram here, as the Bot API documentation asks)");
            }
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }
            if (i + 1 < html.Length && html[i + 1] == '/')
                i = ReadEndTag(html, i, text, open, entities);
            else
                i = ReadStartTag(html, i, text, open);
        }
        if (open.Count > 0)
            throw Error($"Can't find end tag corresponding to start tag \"{open[^1].Name}\"");

        // A language on <code> outside <pre> means nothing to Telegram.
        return new FormattedText(
            text.ToString(),
            [.. entities.Select(e => e.Type == "code" ? e with { Language = null } : e).OrderBy(e => e.Offset).ThenByDescending(e => e.Length)]);
    }

    private static int ReadStartTag(string html, int begin, StringBuilder text, List<HtmlOpenTag> open)
    {
        int i = begin + 1;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
            i++;
        if (i >= html.Length)
            throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
        string name = html[(begin + 1)..i].ToLowerInvariant();
        if (!SupportedTags.Contains(name))
            throw Error($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, begin)}");

        string argument = string.Empty;
        while (html[i] != '>')
        {
            while (i < html.Length && IsSpace(html[i]))
                i++;
            if (i >= html.Length)
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            if (html[i] == '>')
                break;
            int attributeStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] != '=' && html[i] != '>')
                i++;
            string attribute = html[attributeStart..i];
            if (attribute.Length == 0)
                throw Error($"Empty attribute name in the tag \"{name}\" at byte offset {ByteOffset(html, begin)}");
            while (i < html.Length && IsSpace(html[i]))
                i++;
            if (name == "blockquote" && attribute == "expandable" && i < html.Length && html[i] != '=')
            {
                argument = "expandable";
                continue;
            }
            if (i >= html.Length || html[i] != '=')
                throw Error($"Expected equal sign in declaration of an attribute of the tag \"{name}\" at byte offset {ByteOffset(html, begin)}");
            i++;
            while (i < html.Length && IsSpace(html[i]))
                i++;
            if (i >= html.Length)
                throw Error($"Unclosed start tag \"{name}\" at byte offset {ByteOffset(html, begin)}");
            string value = ReadAttributeValue(html, ref i);
            if (i >= html.Length)
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");

            if (name == "a" && attribute == "href")
                argument = value;
            else if (name == "code" && attribute == "class" && value.StartsWith("language-", StringComparison.Ordinal))
                argument = value["language-".Length..];
            else if (name == "span" && attribute == "class" && value.StartsWith("tg-", StringComparison.Ordinal))
                argument = value[3..];
            else if (name == "tg-emoji" && attribute == "emoji-id")
                argument = value;
        }
        if (name == "span" && argument != "spoiler")
            throw Error($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, begin)}");
        open.Add(new HtmlOpenTag(name, argument, text.Length));
        return i + 1;
    }

    private static string ReadAttributeValue(string html, ref int i)
    {
        if (html[i] != '\'' && html[i] != '"')
        {
            // A name token: letters, digits, periods and hyphens, not case sensitive.
            int start = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '.' || html[i] == '-'))
                i++;
            if (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                throw Error($"Unexpected end of name token at byte offset {ByteOffset(html, start)}");
            return html[start..i].ToLowerInvariant();
        }
        char quote = html[i++];
        var value = new StringBuilder();
        while (i < html.Length && html[i] != quote)
        {
            if (html[i] == '&' && TryDecodeEntity(html, ref i, out string decoded))
            {
                value.Append(decoded);
                continue;
            }
            value.Append(html[i++]);
        }
        if (i < html.Length)
            i++;
        return value.ToString();
    }

    private static int ReadEndTag(string html, int begin, StringBuilder text, List<HtmlOpenTag> open, List<TextEntity> entities)
    {
        if (open.Count == 0)
            throw Error($"Unexpected end tag at byte offset {ByteOffset(html, begin)}");
        int i = begin + 2;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
            i++;
        string name = html[(begin + 2)..i].ToLowerInvariant();
        while (i < html.Length && IsSpace(html[i]))
            i++;
        if (i >= html.Length || html[i] != '>')
            throw Error($"Unclosed end tag at byte offset {ByteOffset(html, begin)}");
        var tag = open[^1];
        if (name.Length > 0 && name != tag.Name)
            throw Error($"Unmatched end tag at byte offset {ByteOffset(html, begin)}, expected \"</{tag.Name}>\", found \"</{name}>\"");
        open.RemoveAt(open.Count - 1);

        int length = text.Length - tag.Offset;
        if (length > 0)
            AddEntity(tag, length, text, entities);
        return i + 1;
    }

    private static void AddEntity(HtmlOpenTag tag, int length, StringBuilder text, List<TextEntity> entities)
    {
        var last = entities.Count > 0 ? entities[^1] : null;
        bool sameSpan = last is not null && last.Offset == tag.Offset && last.Length == length;
        switch (tag.Name)
        {
            case "b" or "strong":
                entities.Add(new TextEntity("bold", tag.Offset, length));
                break;
            case "i" or "em":
                entities.Add(new TextEntity("italic", tag.Offset, length));
                break;
            case "u" or "ins":
                entities.Add(new TextEntity("underline", tag.Offset, length));
                break;
            case "s" or "strike" or "del":
                entities.Add(new TextEntity("strikethrough", tag.Offset, length));
                break;
            case "tg-spoiler" or "span":
                entities.Add(new TextEntity("spoiler", tag.Offset, length));
                break;
            case "blockquote":
                entities.Add(new TextEntity(tag.Argument == "expandable" ? "expandable_blockquote" : "blockquote", tag.Offset, length));
                break;
            case "tg-emoji":
                if (!long.TryParse(tag.Argument, NumberStyles.None, CultureInfo.InvariantCulture, out long emojiId) || emojiId == 0)
                    throw Error("Invalid custom emoji identifier specified");
                entities.Add(new TextEntity("custom_emoji", tag.Offset, length, CustomEmojiId: tag.Argument));
                break;
            case "a":
                string url = tag.Argument.Length > 0 ? tag.Argument : text.ToString(tag.Offset, length);
                entities.Add(new TextEntity("text_link", tag.Offset, length, Url: url));
                break;
            case "code" when sameSpan && last!.Type == "pre" && tag.Argument.Length > 0:
                entities[^1] = last with { Language = tag.Argument };
                break;
            case "code":
                entities.Add(new TextEntity("code", tag.Offset, length, Language: tag.Argument.Length > 0 ? tag.Argument : null));
                break;
            case "pre" when sameSpan && last!.Type == "code" && last.Language is not null:
                entities[^1] = new TextEntity("pre", tag.Offset, length, Language: last.Language);
                break;
            case "pre":
                entities.Add(new TextEntity("pre", tag.Offset, length));
                break;
        }
    }

    /// <summary>&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references; the ';' may be missing, as in tdlib.</summary>
    private static bool TryDecodeEntity(string html, ref int i, out string decoded)
    {
        decoded = string.Empty;
        int end = i + 1;
        if (end < html.Length && html[end] == '#')
        {
            end++;
            bool hex = end < html.Length && html[end] == 'x';
            if (hex)
                end++;
            int digitsStart = end;
            while (end < html.Length && (hex ? char.IsAsciiHexDigit(html[end]) : char.IsAsciiDigit(html[end])))
                end++;
            if (end == digitsStart || end - i >= 10
                || !int.TryParse(html.AsSpan(digitsStart, end - digitsStart), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                || code == 0 || code >= 0x10FFFF)
                return false;
            if (code is >= 0xD800 and <= 0xDFFF)
                throw Error("Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units");
            decoded = char.ConvertFromUtf32(code);
        }
        else
        {
            while (end < html.Length && char.IsAsciiLetter(html[end]))
                end++;
            decoded = html[(i + 1)..end] switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                _ => string.Empty,
            };
            if (decoded.Length == 0)
                return false;
        }
        i = end < html.Length && html[end] == ';' ? end + 1 : end;
        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f';

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

    private static BotApiException Error(string what) => BotApiException.BadRequest("can't parse entities: " + what);
}
