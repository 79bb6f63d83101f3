namespace ClaudBot.Bot.Replies;

/// <summary>A reply as plain text, one part after another (table rows with <c> | </c> between cells): for logs and tests.</summary>
public static class ReplyPlainText
{
    public static string Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return string.Join("\n", reply.Parts.Select(part => part switch
        {
            TextPart t => t.Text,
            BlockPart b => b.Text,
            TablePart table => table.Title + "\n" + string.Join("\n", table.Rows.Select(r => string.Join(" | ", r))),
            ImagePart i => "[image " + i.FileName + "]",
            DocumentPart d => "[document " + d.FileName + "]",
            _ => string.Empty,
        }));
    }
}
