using ClaudBot.Bot.Replies;

namespace ClaudBot.Bot.Actions;

/// <summary>What the bot does for some intents of the catalogue.</summary>
public interface IIntentAction
{
    /// <summary>The intents (catalogue names) this action carries out.</summary>
    IReadOnlyList<string> Intents { get; }

    Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}
