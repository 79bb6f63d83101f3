using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Hosting;
using ClaudBot.Targets;
using Spectre.Console;

namespace ClaudBot.Chat;

/// <summary>
/// One request or a whole chat in the terminal: each line goes through the conversation engine, the
/// reply is shown, and a submitted job is followed with a live progress bar to its summary.
/// </summary>
internal sealed class TerminalChat(IAnsiConsole console, ConversationEngine engine, TerminalReplies replies, IClusterTarget target, Bot.Actions.ClusterJobSubmitter submitter)
{
    /// <summary>The interactive chat until "exit", "quit" or Ctrl+D.</summary>
    public async Task<int> RunAsync(LineEditor editor, CancellationToken cancellationToken)
    {
        console.MarkupLine($"[bold]ClaudBot[/] - cluster {Markup.Escape(target.Description)}. Type [green]help[/] for what I can do, [green]exit[/] to leave. Ctrl+C stops a wait, not the chat.");
        while (await editor.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            string text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text is "exit" or "quit" or "/exit" or "/quit" or "bye")
            {
                break;
            }

            await SayAsync(text, follow: true, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Queues a job a command asked for (not said in words: every setting of the command's options reaches it) as the chat
    /// queues one, shows what was queued, and follows it to its summary like a said job.
    /// </summary>
    public async Task<Reply?> SubmitAsync(Cluster.Jobs.JobRequest request, CancellationToken cancellationToken)
    {
        var (reply, job) = await submitter.SubmitAsync(request, [], cancellationToken).ConfigureAwait(false);
        await replies.ShowAsync(reply, cancellationToken).ConfigureAwait(false);
        using var ctrlC = new CtrlC(cancellationToken);
        try
        {
            var summary = await JobProgressView.FollowAsync(console, engine, job, ctrlC.Token).ConfigureAwait(false);
            await replies.ShowAsync(summary, cancellationToken).ConfigureAwait(false);
            return ctrlC.Token.IsCancellationRequested ? null : summary;
        }
        catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine($"[yellow]Stopped following.[/] Job {Markup.Escape(job)} goes on; type 'job {Markup.Escape(job)} status' to see.");
            return null;
        }
    }

    /// <summary>Sends one message and shows the reply (and the followed job's summary); returns the last reply, null when cancelled.</summary>
    public async Task<Reply?> SayAsync(string text, bool follow, CancellationToken cancellationToken)
    {
        using var ctrlC = new CtrlC(cancellationToken);
        try
        {
            var reply = await engine.HandleAsync(new ChatMessage(TerminalUser.Chat, TerminalUser.Current, text), ctrlC.Token).ConfigureAwait(false);
            await replies.ShowAsync(reply, ctrlC.Token).ConfigureAwait(false);
            if (follow && reply.FollowJob is { } job)
            {
                var summary = await JobProgressView.FollowAsync(console, engine, job, ctrlC.Token).ConfigureAwait(false);
                await replies.ShowAsync(summary, cancellationToken).ConfigureAwait(false);

                // Ctrl+C stopped the watching: the job has no outcome yet, so a script must not read success.
                return ctrlC.Token.IsCancellationRequested ? null : summary;
            }

            return reply;
        }
        catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Cancelled.[/] The cluster keeps whatever it was doing; type 'monitor cluster' to see.");
            return null;
        }
    }
}
