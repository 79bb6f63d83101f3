using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Rules;
using ClaudBot.Engine.Strategies;
using ClaudBot.Hosting.Strategies;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// Written rules in chat: <c>check RULE</c> shows a rule as it will run and nothing runs; <c>save it as NAME</c> saves
/// the last rule this person ran or checked in this chat, replacing a rule saved under that name before (and saying
/// so, with the old rule, so nothing is lost unseen).
/// </summary>
public sealed class RuleActions(RecentRules recentRules, SavedRuleFiles savedRules) : IIntentAction
{
    public IReadOnlyList<string> Intents { get; } = ["check_rule", "save_rule"];

    public Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.Match.Intent switch
        {
            "check_rule" => Check(context),
            "save_rule" => Save(context),
            _ => throw new InvalidOperationException($"RuleActions has no handler for intent '{context.Match.Intent}'."),
        });
    }

    private Reply Check(ActionContext context)
    {
        var strategies = context.Slot("strategies")!;
        if (RuleText.Echo(strategies) is not { } echo)
        {
            return Reply.Text($"'{strategies.StrategyText}' is a list of built-in strategies, not a written rule; nothing to check. A rule starts with 'buy when' or 'hold while'.", ReplyTone.Warning);
        }

        recentRules.Remember(context.Message.Chat, context.Message.User.Id, strategies.StrategyText!);
        return new Reply([new TextPart(echo, ReplyTone.Success), new TextPart("Nothing ran. 'save it as NAME' keeps it; 'backtest NAME on TCS' then runs it.")]);
    }

    private Reply Save(ActionContext context)
    {
        string name = context.Slot("name")!.Choice!;
        if (recentRules.Last(context.Message.Chat, context.Message.User.Id) is not { } rule)
        {
            return Reply.Error("There is no rule to save yet: run or check one in this chat first (e.g. 'check hold while sma(50) > sma(200)').");
        }

        string? before;
        (SavedRule Saved, bool Replaced) result;
        try
        {
            before = savedRules.Find(name);
        }
        catch (StrategySpecException)
        {
            // A hand-edited file that no longer reads is replaced like any other.
            before = null;
        }

        try
        {
            result = savedRules.Save(name, rule);
        }
        catch (StrategySpecException refused)
        {
            return Reply.Error(refused.Message);
        }

        var saved = new TextPart($"Saved {result.Saved.Name}: {result.Saved.Rule}", ReplyTone.Success);
        return result.Replaced
            ? new Reply([saved, new TextPart(before is null ? $"It replaced an unreadable rule saved as {result.Saved.Name}." : $"It replaced the rule saved as {result.Saved.Name} before: {before}", ReplyTone.Warning)])
            : new Reply([saved]);
    }
}
