using System.Diagnostics;
using ClaudBot.Bot.Audit;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Semantic;
using ClaudBot.Targets;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Conversations;

/// <summary>
/// The one conversation every channel shares: text → intent (catalogue, then the LLM fallback) →
/// authorisation → a choice when the phrase is ambiguous → questions for missing slots → a yes/no where
/// the intent or an LLM reading needs one → the action → the reply. Open questions and prompts are kept
/// per chat and expire (<see cref="BotOptions.PendingTimeout"/>). Every decision is written to the audit log.
/// </summary>
public sealed partial class ConversationEngine
{
    private readonly IntentResolver _resolver;
    private readonly IntentMatcher _matcher;
    private readonly IntentExecutor _executor;
    private readonly PendingStore _pending;
    private readonly AuditLog _audit;
    private readonly IClusterTarget _target;
    private readonly JobSummaryBuilder _summaries;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;

    public ConversationEngine(
        IntentResolver resolver, IntentMatcher matcher, IntentExecutor executor, AuditLog audit, IClusterTarget target, JobSummaryBuilder summaries, IOptions<BotOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _resolver = resolver;
        _matcher = matcher;
        _executor = executor;
        _audit = audit;
        _target = target;
        _summaries = summaries;
        _options = options.Value;
        _time = time;
        _pending = new PendingStore(time);
    }

    /// <summary>Answers one message. Never throws for anything the user typed; cancellation propagates.</summary>
    public async Task<Reply> HandleAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        long started = Stopwatch.GetTimestamp();
        if (message.User.Role is null)
        {
            var refusal = Reply.Error(_executor.Refusal(message.User, "help")!);
            await AuditAsync(message, null, AuditOutcomes.Denied, refusal, started, cancellationToken).ConfigureAwait(false);
            return refusal;
        }

        var open = _pending.Peek(message.Chat, out var expired);
        if (open is not null && open.UserId == message.User.Id && await ContinueAsync(open, message, started, cancellationToken).ConfigureAwait(false) is { } continued)
        {
            return continued;
        }

        if (expired is not null && expired.UserId == message.User.Id && (ReplyWords.IsYes(message.Text) || ReplyWords.IsNo(message.Text)))
        {
            var late = Reply.Text($"That question expired after {_options.PendingTimeout.TotalMinutes:0.#} minutes, so nothing was done. Type the request again.", ReplyTone.Warning) with { Succeeded = false };
            await AuditAsync(message, null, AuditOutcomes.Expired, late, started, cancellationToken).ConfigureAwait(false);
            return late;
        }

        var match = await _resolver.ResolveAsync(message.Text, null, cancellationToken).ConfigureAwait(false);
        var reply = await ProceedAsync(match, message, started, cancellationToken).ConfigureAwait(false);
        return reply with { Intent = reply.Intent ?? match.Intent };
    }

    /// <summary>
    /// A button press carrying <paramref name="token"/> (a yes/no or a choice). Only the person who was
    /// asked can resolve it, once, before it expires; anyone else gets null and nothing happens.
    /// </summary>
    public async Task<ButtonOutcome> PressAsync(ChatKey chat, ChatUser user, string token, bool yes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        long started = Stopwatch.GetTimestamp();
        var open = _pending.Peek(chat, out var expired);
        if (open is null)
        {
            return expired is not null && expired.Carries(token)
                ? new ButtonOutcome(Reply.Text("That question expired, so nothing was done. Type the request again.", ReplyTone.Warning) with { Succeeded = false }, "Expired")
                : new ButtonOutcome(null, "This button is no longer valid.");
        }

        if (!open.Carries(token))
        {
            return new ButtonOutcome(null, "This button is no longer valid.");
        }

        if (open.UserId != user.Id || user.Role is null)
        {
            return new ButtonOutcome(null, "Only the person who asked can answer this.");
        }

        var message = new ChatMessage(chat, user, open.Text);
        if (open is PendingChoice choice)
        {
            var pick = choice.Options.First(o => o.Token == token);
            return new ButtonOutcome(await ChooseAsync(choice, pick.Intent, message, started, cancellationToken).ConfigureAwait(false), "OK");
        }

        var reply = await DecideAsync((PendingConfirmation)open, yes, message, started, cancellationToken).ConfigureAwait(false);
        return new ButtonOutcome(reply, yes ? "Confirmed" : "Cancelled");
    }

    // The asker's next message while something is open: an answer to it, or (returning null) a new request.
    private async Task<Reply?> ContinueAsync(Pending open, ChatMessage message, long started, CancellationToken cancellationToken)
    {
        switch (open)
        {
            case PendingConfirmation confirmation when ReplyWords.IsYes(message.Text) || ReplyWords.IsNo(message.Text):
                return await DecideAsync(confirmation, ReplyWords.IsYes(message.Text), message with { Text = open.Text }, started, cancellationToken).ConfigureAwait(false);
            case PendingQuestion or PendingChoice when ReplyWords.IsNo(message.Text):
                _pending.TryTake(message.Chat, open);
                var dropped = Reply.Text("OK, forgotten.");
                await AuditAsync(message with { Text = open.Text }, (open as PendingQuestion)?.Partial, AuditOutcomes.Declined, dropped, started, cancellationToken).ConfigureAwait(false);
                return dropped;
            case PendingQuestion question:
                var answered = _matcher.Answer(question.Partial, message.Text);
                if (answered.Error is null)
                {
                    _pending.TryTake(message.Chat, open);
                    return await ProceedAsync(answered, message with { Text = $"{open.Text} / {message.Text}" }, started, cancellationToken).ConfigureAwait(false);
                }

                // Not an answer: maybe a new request; if not that either, say what was wrong and ask again.
                var fresh = await _resolver.ResolveAsync(message.Text, null, cancellationToken).ConfigureAwait(false);
                if (fresh.Intent is not null && fresh.Confidence >= IntentMatcher.Threshold)
                {
                    _pending.TryTake(message.Chat, open);
                    return await ProceedAsync(fresh, message, started, cancellationToken).ConfigureAwait(false);
                }

                _pending.Set(message.Chat, question with { Expires = _time.GetUtcNow() + _options.PendingTimeout });
                return new Reply(SlotErrors.Parts(answered.Error!, $"{_matcher.Question(question.Partial.Intent!, question.Partial.Missing[0])} (or 'cancel')")) { NeedsAnswer = true, Succeeded = false };
            case PendingChoice choice when choice.Pick(message.Text) is { } intent:
                return await ChooseAsync(choice, intent, message with { Text = open.Text }, started, cancellationToken).ConfigureAwait(false);
            default:
                // Something new: the open item is dropped, so a stale "yes" can never run it later.
                _pending.TryTake(message.Chat, open);
                return null;
        }
    }

    private async Task<Reply> ChooseAsync(PendingChoice choice, string intent, ChatMessage message, long started, CancellationToken cancellationToken)
    {
        if (!_pending.TryTake(message.Chat, choice))
        {
            return Reply.Text("That was already answered.", ReplyTone.Warning);
        }

        var reading = _matcher.Match(choice.Text, null, intent) with { Alternatives = [] };
        return await ProceedAsync(reading, message with { Text = choice.Text }, started, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> DecideAsync(PendingConfirmation confirmation, bool yes, ChatMessage message, long started, CancellationToken cancellationToken)
    {
        if (!_pending.TryTake(message.Chat, confirmation))
        {
            return Reply.Text("That was already answered.", ReplyTone.Warning);
        }

        if (!yes)
        {
            var cancelled = Reply.Text("Cancelled; nothing was done.");
            await AuditAsync(message, confirmation.Match, AuditOutcomes.Declined, cancelled, started, cancellationToken).ConfigureAwait(false);
            return cancelled;
        }

        return await ExecuteAsync(confirmation.Match, message, started, cancellationToken).ConfigureAwait(false);
    }

    // A fresh or completed reading: refuse, ask, confirm, or run.
    private async Task<Reply> ProceedAsync(IntentMatch match, ChatMessage message, long started, CancellationToken cancellationToken)
    {
        if (match.Intent is null)
        {
            var help = new Reply([.. match.Suggestions.Select(s => new TextPart(s))]) { Succeeded = false };
            await AuditAsync(message, match, AuditOutcomes.NotUnderstood, help, started, cancellationToken).ConfigureAwait(false);
            return help;
        }

        if (_executor.Refusal(message.User, match.Intent) is { } refusal)
        {
            var denied = Reply.Error(refusal);
            await AuditAsync(message, match, AuditOutcomes.Denied, denied, started, cancellationToken).ConfigureAwait(false);
            return denied;
        }

        var expires = _time.GetUtcNow() + _options.PendingTimeout;
        if (match.Error is { } error)
        {
            // A rule with a mistake is asked for again (the rest of the request is kept); anything else is refused.
            var awaiting = SlotErrors.AwaitingRule(match);
            if (awaiting is not null)
            {
                _pending.Set(message.Chat, new PendingQuestion(message.User.Id, message.Text, awaiting, expires));
            }

            var rejected = new Reply(SlotErrors.Parts(error, awaiting is null ? null : "Send the corrected rule (or 'cancel').")) { Succeeded = false, NeedsAnswer = awaiting is not null };
            await AuditAsync(message, match, AuditOutcomes.Rejected, rejected, started, cancellationToken).ConfigureAwait(false);
            return rejected;
        }

        if (match.Alternatives.Count > 0)
        {
            var options = new[] { match.Intent }.Concat(match.Alternatives).Select(i => (PendingStore.NewToken(), i)).ToList();
            _pending.Set(message.Chat, new PendingChoice(message.User.Id, message.Text, options, expires));
            string list = string.Join(", or ", options.Select((o, n) => $"{n + 1}) {MatchText.Title(o.i).ToLowerInvariant()}"));
            return new Reply([new TextPart($"Did you mean {list}? Reply with the number, or rephrase.")])
            {
                Choices = [.. options.Select(o => new ChoiceOption(o.Item1, MatchText.Title(o.i)))],
                NeedsAnswer = true,
            };
        }

        if (match.Missing.Count > 0)
        {
            _pending.Set(message.Chat, new PendingQuestion(message.User.Id, message.Text, match, expires));
            return Reply.Text(_matcher.Question(match.Intent, match.Missing[0])) with { NeedsAnswer = true };
        }

        if (_resolver.RequiresConfirmation(match))
        {
            var token = PendingStore.NewToken();
            _pending.Set(message.Chat, new PendingConfirmation(token, message.User.Id, message.Text, match, expires));
            string what = match.Source is LlmIntentFallback.Source or SemanticGuess.Source ? $"I read that as: {MatchText.Describe(match)}." : $"{MatchText.Describe(match)}: {_matcher.Catalog.Find(match.Intent)!.Description}";
            return new Reply([new TextPart($"{what} Go ahead? (yes/no)")]) { Confirm = new ConfirmPrompt(token, "Yes, " + MatchText.Title(match.Intent).ToLowerInvariant(), "No") };
        }

        return await ExecuteAsync(match, message, started, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> ExecuteAsync(IntentMatch match, ChatMessage message, long started, CancellationToken cancellationToken)
    {
        var reply = await _executor.ExecuteAsync(match, message, cancellationToken).ConfigureAwait(false) with { Intent = match.Intent };
        if (match.Suggestions.Count > 0)
        {
            reply = reply with { Parts = [.. match.Suggestions.Select(s => new TextPart(s)), .. reply.Parts] };
        }

        await AuditAsync(message, match, reply.Succeeded ? AuditOutcomes.Executed : AuditOutcomes.Failed, reply, started, cancellationToken).ConfigureAwait(false);
        return reply;
    }

    private Task AuditAsync(ChatMessage message, IntentMatch? match, string outcome, Reply reply, long started, CancellationToken cancellationToken)
    {
        string? detail = reply.FollowJob is { } job ? "job " + job : reply.Succeeded ? null : reply.Parts.OfType<TextPart>().FirstOrDefault()?.Text;
        var entry = new AuditEntry(
            _time.GetUtcNow(), message.Chat.Channel, message.Chat.Id, message.User.Id, message.User.Name, message.Text, match?.Intent, match?.Source,
            MatchText.Slots(match), outcome, detail, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2));
        return _audit.WriteAsync(entry, cancellationToken);
    }
}

/// <summary>What a button press did: a reply to show (null: nothing happened) and a short notice for the presser.</summary>
public sealed record ButtonOutcome(Reply? Reply, string Notice);
