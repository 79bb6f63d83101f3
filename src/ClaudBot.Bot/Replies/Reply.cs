using ClaudBot.Cluster.Status;

namespace ClaudBot.Bot.Replies;

/// <summary>
/// What the bot answers to one message: parts to show, and at most one of: a yes/no question
/// (<see cref="Confirm"/>), a choice between readings (<see cref="Choices"/>), or a job to follow
/// (<see cref="FollowJob"/>: the channel shows its progress and, at the end, <c>ConversationEngine.FollowAsync</c>'s summary).
/// </summary>
public sealed record Reply(IReadOnlyList<ReplyPart> Parts)
{
    public ConfirmPrompt? Confirm { get; init; }

    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];

    public string? FollowJob { get; init; }

    /// <summary>The bot asked a question or a choice and waits for the next message to answer it.</summary>
    public bool NeedsAnswer { get; init; }

    /// <summary>The intent the message was read as (null when nothing was understood), for scripts (<c>say --json</c>).</summary>
    public string? Intent { get; init; }

    /// <summary>The cluster's status behind a "monitor cluster" reply, for scripts (<c>monitor --json</c>).</summary>
    public NodeStatus? Status { get; init; }

    /// <summary>False when the request failed or was refused; <c>claudbot say</c> turns it into its exit code.</summary>
    public bool Succeeded { get; init; } = true;

    public static Reply Text(string text, ReplyTone tone = ReplyTone.Info) =>
        new([new TextPart(text, tone)]) { Succeeded = tone != ReplyTone.Error };

    public static Reply Error(string text) => Text(text, ReplyTone.Error);
}

/// <summary>A pending yes/no decision: <see cref="Token"/> is single-use and expires; buttons carry it.</summary>
public sealed record ConfirmPrompt(string Token, string YesLabel, string NoLabel);

/// <summary>One reading the user can pick when a phrase could mean two things; <see cref="Token"/> identifies the pick.</summary>
public sealed record ChoiceOption(string Token, string Label);
