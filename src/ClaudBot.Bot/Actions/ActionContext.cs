using ClaudBot.Bot.Conversations;
using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.Actions;

/// <summary>What an action gets: the reading of the phrase (intent and slots) and who asked, where.</summary>
public sealed record ActionContext(IntentMatch Match, ChatMessage Message)
{
    public SlotValue? Slot(string name) => Match.Slots.GetValueOrDefault(name);

    /// <summary>Who submits a job, as recorded with it: channel and name (<c>telegram:anita</c>).</summary>
    public string Requester => $"{Message.Chat.Channel}:{Message.User.Name}";
}
