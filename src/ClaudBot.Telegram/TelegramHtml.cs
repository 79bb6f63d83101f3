using System.Net;
using System.Text;
using ClaudBot.Bot.Replies;
using ClaudBot.Engine.Text;

namespace ClaudBot.Telegram;

/// <summary>
/// Reply parts as Telegram HTML: text escaped, status blocks and tables in <c>&lt;pre&gt;</c>, split into
/// messages under Telegram's 4,096-character limit without ever cutting a tag or an entity.
/// </summary>
internal static class TelegramHtml
{
    public const int MaxMessage = 4096;
    public const int MaxCaption = 1024;

    // Room for the <pre></pre> around a piece of a long block.
    private const int MaxPiece = MaxMessage - 64;

    public static IReadOnlyList<string> Messages(IEnumerable<ReplyPart> parts)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (string fragment in parts.SelectMany(Fragments))
        {
            if (current.Length > 0 && current.Length + 2 + fragment.Length > MaxMessage)
            {
                messages.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n\n" : string.Empty).Append(fragment);
        }

        if (current.Length > 0)
        {
            messages.Add(current.ToString());
        }

        return messages;
    }

    public static string Escape(string text) => WebUtility.HtmlEncode(UserText.Printable(text)).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal);

    /// <summary>Plain text cut to <paramref name="max"/> characters once escaped (captions).</summary>
    public static string Caption(string text, int max = MaxCaption)
    {
        if (Escape(text).Length <= max)
        {
            return Escape(text);
        }

        string cut = text[..Math.Min(text.Length, max - 1)];
        while (Escape(cut + "…").Length > max)
        {
            cut = cut[..^1];
        }

        return Escape(cut + "…");
    }

    // Each part as one or more HTML fragments, each short enough for a message of its own.
    private static IEnumerable<string> Fragments(ReplyPart part) => part switch
    {
        TextPart text => Pieces(Icon(text.Tone) + text.Text).Select(Escape),
        BlockPart block => Pieces(block.Text.TrimEnd()).Select(p => $"<pre>{Escape(p)}</pre>"),
        TablePart table => Pieces(Layout(table)).Select((p, i) => (i == 0 ? $"<b>{Escape(table.Title)}</b>\n" : string.Empty) + $"<pre>{Escape(p)}</pre>"),
        _ => [],
    };

    private static string Icon(ReplyTone tone) => tone switch
    {
        ReplyTone.Success => "✅ ",
        ReplyTone.Warning => "⚠️ ",
        ReplyTone.Error => "❌ ",
        _ => string.Empty,
    };

    // Splits at line ends so no piece, once escaped (up to 5 characters per '&'), can exceed a message.
    private static IEnumerable<string> Pieces(string text)
    {
        int limit = MaxPiece / 5;
        if (Escape(text).Length <= MaxPiece)
        {
            yield return text;
            yield break;
        }

        var piece = new StringBuilder();
        foreach (string line in text.Split('\n'))
        {
            for (int start = 0; start < Math.Max(1, line.Length); start += limit)
            {
                string chunk = line.Length == 0 ? string.Empty : line.Substring(start, Math.Min(limit, line.Length - start));
                if (piece.Length > 0 && Escape(piece.ToString()).Length + Escape(chunk).Length + 1 > MaxPiece)
                {
                    yield return piece.ToString();
                    piece.Clear();
                }

                piece.Append(piece.Length > 0 ? "\n" : string.Empty).Append(chunk);
            }
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    // A fixed-width table: columns padded to their widest cell, numbers right-aligned.
    private static string Layout(TablePart table)
    {
        int columns = table.Columns.Count;
        var widths = Enumerable.Range(0, columns).Select(c => table.Rows.Select(r => c < r.Count ? r[c].Length : 0).Prepend(table.Columns[c].Length).Max()).ToArray();
        var text = new StringBuilder();
        void Row(IReadOnlyList<string> cells)
        {
            for (int c = 0; c < columns; c++)
            {
                string cell = c < cells.Count ? cells[c] : string.Empty;
                text.Append(c > 0 ? " " : string.Empty).Append(table.NumericColumns.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            }

            text.Append('\n');
        }

        Row(table.Columns);
        text.Append(new string('-', widths.Sum() + columns - 1)).Append('\n');
        foreach (var row in table.Rows)
        {
            Row(row);
        }

        return text.ToString().TrimEnd();
    }
}
