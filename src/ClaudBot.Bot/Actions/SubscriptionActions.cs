using ClaudBot.Bot.Replies;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// "tell me when jobs finish" / "stop telling me": the chat's subscription to every job's end and to the cluster's alerts,
/// kept in the queue server per channel and chat (so every bot on that channel, and a restarted one, knows of it).
/// </summary>
public sealed class SubscriptionActions(IClusterTarget target, TimeProvider time) : IIntentAction
{
    public IReadOnlyList<string> Intents { get; } = ["subscribe", "unsubscribe"];

    public async Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chat = context.Message.Chat;
        if (!chat.CanBeToldLater)
        {
            // A subscription nobody can deliver would only pile up claims: said plainly, nothing stored.
            return Reply.Error("The terminal cannot be messaged later: subscribe from Telegram (the bot as a service: 'claudbot setup --telegram').");
        }

        var subscriptions = (await target.ClientAsync(cancellationToken).ConfigureAwait(false)).Subscriptions;
        if (context.Match.Intent == "subscribe")
        {
            bool added = await subscriptions.AddAsync(chat.Channel, chat.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return Reply.Text(
                (added ? "Subscribed" : "Already subscribed")
                + ": this chat hears of every job's end, whoever submitted it, and of alerts (a worker lost, a job with failures, the queue server away). Say 'stop telling me when jobs finish' to end it.",
                ReplyTone.Success);
        }

        bool removed = await subscriptions.RemoveAsync(chat.Channel, chat.Id, cancellationToken).ConfigureAwait(false);
        return Reply.Text(removed ? "Unsubscribed: this chat hears only of the jobs it follows." : "This chat was not subscribed.");
    }
}
