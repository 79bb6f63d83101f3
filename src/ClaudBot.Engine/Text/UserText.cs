using System.Globalization;
using System.Text;

namespace ClaudBot.Engine.Text;

/// <summary>
/// Text a user typed, made safe to quote back in an error or to write to a terminal or a chat: control
/// characters (newlines, escape sequences, bells) are shown as <c>\n</c>, <c>\t</c> or <c>\u001b</c>, and an
/// excerpt is cut to <see cref="MaxExcerpt"/> characters with an ellipsis, so a 100 KB argument is never
/// echoed whole and nothing the user sent can move the cursor or recolour the terminal.
/// </summary>
public static class UserText
{
    /// <summary>Most characters of user text an error quotes.</summary>
    public const int MaxExcerpt = 40;

    /// <summary>A short, single-line, control-free excerpt of <paramref name="text"/> for an error message.</summary>
    public static string Excerpt(string? text, int maxLength = MaxExcerpt) => Excerpt((text ?? string.Empty).AsSpan(), maxLength);

    /// <inheritdoc cref="Excerpt(string?, int)"/>
    public static string Excerpt(ReadOnlySpan<char> text, int maxLength = MaxExcerpt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var trimmed = text.Trim();
        bool cut = trimmed.Length > maxLength;
        var shown = cut ? trimmed[..maxLength] : trimmed;

        // Never leave half of a surrogate pair at the cut.
        if (cut && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }

        string safe = Escape(shown);
        return cut ? safe + "…" : safe;
    }

    /// <summary>The whole of <paramref name="text"/> with its control characters escaped (for names shown in tables and replies).</summary>
    public static string Clean(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Escape(text);

    /// <summary>
    /// <paramref name="text"/> for a terminal or a chat, line breaks kept: every other control character
    /// (an escape sequence, a bell, a bidirectional override) is shown escaped.
    /// </summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEscape(text.AsSpan()))
        {
            return text;
        }

        // Any line break (\r\n, \r, U+2028) becomes \n first: it is a break, not a control to show.
        return string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => Escape(line)));
    }

    private static string Escape(ReadOnlySpan<char> text)
    {
        if (!NeedsEscape(text))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when IsUnsafe(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // C0 and C1 controls, DEL, and the bidirectional overrides that can make text read differently from what it is.
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\u2028' or '\u2029';
}
