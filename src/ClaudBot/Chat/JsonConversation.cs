using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Output.Json;

namespace ClaudBot.Chat;

/// <summary>
/// One request from a script that wants JSON (<c>say --json</c>, <c>submit --json</c>): the replies are collected
/// instead of shown, pictures and documents are saved where the chat saves them, and a submitted job is followed
/// without a progress bar, so stdout holds the one document alone.
/// </summary>
internal sealed class JsonConversation(ConversationEngine engine, string downloads)
{
    private readonly List<string> _lines = [];
    private readonly List<TableDocument> _tables = [];
    private readonly List<string> _files = [];
    private string? _intent;
    private string? _jobId;
    private string? _jobState;

    public async Task<Reply> SayAsync(string text, CancellationToken cancellationToken)
    {
        var reply = await engine.HandleAsync(new ChatMessage(TerminalUser.Chat, TerminalUser.Current, text), cancellationToken).ConfigureAwait(false);

        // A "yes" answers the first message, so its intent is the one that ran.
        _intent = reply.Intent ?? _intent;
        _jobId = reply.FollowJob ?? _jobId;
        await CollectAsync(reply, cancellationToken).ConfigureAwait(false);
        return reply;
    }

    public async Task<Reply> FollowAsync(string jobId, CancellationToken cancellationToken)
    {
        JobStatus? last = null;
        var summary = await engine.FollowAsync(jobId, new SynchronousProgress<JobStatus>(job => last = job), cancellationToken).ConfigureAwait(false);
        _jobState = last?.State.ToName();
        await CollectAsync(summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    public SayDocument Document(string text, Reply last, int exitCode) => new(
        text, _intent, last.Succeeded, last.NeedsAnswer, last.Confirm is not null, exitCode, _jobId, _jobState, _lines, _tables, _files);

    private async Task CollectAsync(Reply reply, CancellationToken cancellationToken)
    {
        foreach (var part in reply.Parts)
        {
            switch (part)
            {
                case TextPart text:
                    _lines.Add(text.Text);
                    break;
                case BlockPart block:
                    _lines.AddRange(block.Text.TrimEnd().Split('\n'));
                    break;
                case TablePart table:
                    _tables.Add(new TableDocument(table.Title, table.Columns, table.Rows));
                    break;
                case ImagePart image:
                    _files.Add(await ReplyFiles.SaveAsync(downloads, image.FileName, image.Png, cancellationToken).ConfigureAwait(false));
                    break;
                case DocumentPart document:
                    _files.Add(await ReplyFiles.SaveAsync(downloads, document.FileName, document.Content, cancellationToken).ConfigureAwait(false));
                    break;
            }
        }

        _lines.AddRange(reply.Choices.Select((choice, i) => $"{i + 1}) {choice.Label}"));
    }
}
