using ClaudBot.Bot.Replies;
using ClaudBot.Engine.Text;
using Spectre.Console;

namespace ClaudBot.Chat;

/// <summary>
/// Shows a reply in the terminal: coloured text by tone, status blocks as they are, tables as Spectre
/// tables, and pictures and documents saved to <paramref name="downloads"/> with their path shown.
/// </summary>
internal sealed class TerminalReplies(IAnsiConsole console, string downloads)
{
    public async Task ShowAsync(Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        foreach (var part in reply.Parts)
        {
            switch (part)
            {
                case TextPart text:
                    console.MarkupLine($"[{Colour(text.Tone)}]{Safe(text.Text)}[/]");
                    break;
                case BlockPart block:
                    console.Write(new Text(UserText.Printable(block.Text.TrimEnd()) + "\n"));
                    break;
                case TablePart table:
                    console.Write(Table(table));
                    break;
                case ImagePart image:
                    console.MarkupLine($"[grey]{Safe(image.Caption)}:[/] {Safe(await SaveAsync(image.FileName, image.Png, cancellationToken).ConfigureAwait(false))}");
                    break;
                case DocumentPart document:
                    console.MarkupLine($"[grey]{Safe(document.Caption)}[/] Saved to {Safe(await SaveAsync(document.FileName, document.Content, cancellationToken).ConfigureAwait(false))}");
                    break;
            }
        }

        if (reply.Choices.Count > 0)
        {
            console.MarkupLine("[grey]" + Safe(string.Join("   ", reply.Choices.Select((c, i) => $"{i + 1}) {c.Label}"))) + "[/]");
        }
    }

    private static string Colour(ReplyTone tone) => tone switch
    {
        ReplyTone.Success => "green",
        ReplyTone.Warning => "yellow",
        ReplyTone.Error => "red",
        _ => "default",
    };

    private static Table Table(TablePart part)
    {
        var table = new Table().RoundedBorder().Title($"[bold]{Safe(part.Title)}[/]");
        for (int i = 0; i < part.Columns.Count; i++)
        {
            var column = new TableColumn(Safe(part.Columns[i]));
            table.AddColumn(part.NumericColumns.Contains(i) ? column.RightAligned() : column);
        }

        foreach (var row in part.Rows)
        {
            table.AddRow(row.Select(cell => Safe(cell)).ToArray());
        }

        return table;
    }

    private Task<string> SaveAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ReplyFiles.SaveAsync(downloads, fileName, content, cancellationToken);

    // Replies quote what users typed: control characters are shown escaped, never sent to the terminal raw.
    private static string Safe(string text) => Markup.Escape(UserText.Printable(text));
}
