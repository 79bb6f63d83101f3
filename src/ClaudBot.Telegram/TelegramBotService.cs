using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Notifications;
using ClaudBot.Bot.Replies;
using ClaudBot.Targets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClaudBot.Telegram;

/// <summary>
/// The Telegram channel: long-polls getUpdates (retrying with backoff through network and API errors),
/// and hands each update to its chat's queue, so the polling loop never waits on an action. Text goes to
/// the conversation engine; button presses resolve its pending prompts; submitted jobs are followed in one
/// message edited in place, then summarised with a table and a chart; the follows are kept in the queue server and
/// resumed after a restart, and subscribed chats hear of every job's end and of alerts (<see cref="TelegramFollows"/>).
/// </summary>
internal sealed class TelegramBotService(
    ITelegramBotClient bot,
    ConversationEngine engine,
    IClusterTarget target,
    ClusterWatch watch,
    IOptions<TelegramOptions> options,
    IOptions<NotificationOptions> notifications,
    TimeProvider time,
    ILogger<TelegramBotService> logger) : BackgroundService
{
    /// <summary>The one queue every stranger's update shares (no real chat has this id).</summary>
    internal const long StrangerLane = long.MinValue;

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private static readonly Dictionary<string, string> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/start"] = "help",
        ["/help"] = "help",
        ["/monitor"] = "monitor cluster",
        ["/jobs"] = "list jobs",
        ["/results"] = "results of the last job",
        ["/strategies"] = "list strategies",
        ["/symbols"] = "list symbols",
        ["/logs"] = "show driver logs",
        ["/subscribe"] = "subscribe",
        ["/unsubscribe"] = "unsubscribe",
        ["/schedules"] = "list schedules",
    };

    private readonly TelegramOptions _options = options.Value;
    private readonly TelegramSender _sender = new(bot, TelegramResilience.Build("send", 4, options.Value, time, logger), logger);
    private TelegramFollows? _follows;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polling never gives up on its own: only a refused token (401/404) ends it, with a clear log line.
        var polling = TelegramResilience.Build("getUpdates", int.MaxValue, _options, time, logger, TelegramResilience.IsWorthPollingAgain);
        await using var queues = new ChatQueues(
            (chat, error) =>
            {
                TelegramLog.HandlerFailed(logger, chat, error);
                return chat == StrangerLane
                    ? Task.CompletedTask
                    : _sender.SendAsync(chat, Reply.Error("Something went wrong on my side; it is in the bot's log. Try again."), CancellationToken.None);
            },
            time,
            _options);
        _follows = new TelegramFollows(_sender, engine, target, watch, _options, notifications.Value, time, logger);
        // The keeper ends with the polling, also when a refused token ends it.
        using var keeperStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keeping = _follows.KeepAsync(queues, keeperStop.Token);
        try
        {
            await PollAsync(queues, polling, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await keeperStop.CancelAsync().ConfigureAwait(false);
            await keeping.ConfigureAwait(false);
        }
    }

    private async Task PollAsync(ChatQueues queues, Polly.ResiliencePipeline polling, CancellationToken stoppingToken)
    {
        await SetCommandsAsync(stoppingToken).ConfigureAwait(false);
        TelegramLog.Polling(logger);
        int offset = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await polling.ExecuteAsync(
                    async ct => await bot.GetUpdates(offset, 100, (int)_options.PollTimeout.TotalSeconds, Wanted, ct).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException refused)
            {
                TelegramLog.TokenRefused(logger, refused.ErrorCode, refused.Message);
                throw;
            }

            foreach (var update in updates)
            {
                offset = update.Id + 1;
                Dispatch(update, queues);
            }
        }
    }

    // The "/" menu is a convenience: a failure to set it is logged, never fatal.
    private async Task SetCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _sender.Retry.ExecuteAsync(async ct => await bot.SetMyCommands(
                [.. Commands.Where(c => c.Key != "/start").Select(c => new BotCommand { Command = c.Key[1..], Description = c.Value })], cancellationToken: ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            TelegramLog.SendFailed(logger, 0, "setMyCommands: " + error.Message);
        }
    }

    // Every update type is either routed or ignored here; nothing about an update can throw out of the loop.
    private void Dispatch(Update update, ChatQueues queues)
    {
        if (update.CallbackQuery is { Message: { } asked } query)
        {
            Enqueue(queues, LaneOf(query.From.Id, asked.Chat.Id, _options), asked.Chat.Id, ct => PressAsync(query, asked, queues, ct));
        }
        else if (update.CallbackQuery is { } orphan)
        {
            // A button on a message too old for Telegram to send back: answer so the client stops spinning.
            Enqueue(queues, LaneOf(orphan.From.Id, orphan.From.Id, _options), orphan.From.Id, ct => bot.AnswerCallbackQuery(orphan.Id, "This button is no longer valid.", cancellationToken: ct));
        }
        else if (update.Message is { From: { } from } message)
        {
            Enqueue(queues, LaneOf(from.Id, message.Chat.Id, _options), message.Chat.Id, ct => MessageAsync(message, from, queues, ct));
        }
    }

    /// <summary>
    /// The queue an update goes to, decided by the allowlist before any queue exists: an allowed user's chat
    /// has its own; every stranger shares <see cref="StrangerLane"/> (refused there, in order, bounded), so
    /// strangers writing from many chats cannot make the bot hold a queue for each.
    /// </summary>
    internal static long LaneOf(long userId, long chatId, TelegramOptions options) => options.RoleOf(userId) is null ? StrangerLane : chatId;

    private void Enqueue(ChatQueues queues, long lane, long chatId, Func<CancellationToken, Task> work)
    {
        if (!queues.Enqueue(lane, work))
        {
            TelegramLog.UpdateDropped(logger, chatId);
        }
    }

    private async Task MessageAsync(Message message, User from, ChatQueues queues, CancellationToken cancellationToken)
    {
        var user = User(from, message.Chat.Id);
        if (message.Text is not { } text)
        {
            if (user.Role is not null)
            {
                await _sender.SendAsync(message.Chat.Id, Reply.Text("I read text only. Type 'help' to see what I can do."), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var reply = await engine.HandleAsync(new ChatMessage(Chat(message.Chat.Id), user, Command(text)), cancellationToken).ConfigureAwait(false);
        await _sender.SendAsync(message.Chat.Id, reply, cancellationToken).ConfigureAwait(false);
        if (reply.FollowJob is { } job)
        {
            _follows!.Follow(queues, message.Chat.Id, job);
        }
    }

    private async Task PressAsync(CallbackQuery query, Message asked, ChatQueues queues, CancellationToken cancellationToken)
    {
        string[] fields = (query.Data ?? string.Empty).Split(':');
        ButtonOutcome outcome = fields switch
        {
            ["c", var token, "y" or "n"] => await engine.PressAsync(Chat(asked.Chat.Id), User(query.From, asked.Chat.Id), token, fields[2] == "y", cancellationToken).ConfigureAwait(false),
            ["p", var token] => await engine.PressAsync(Chat(asked.Chat.Id), User(query.From, asked.Chat.Id), token, yes: true, cancellationToken).ConfigureAwait(false),
            _ => new ButtonOutcome(null, "This button is no longer valid."),
        };

        // Always answered, or the user's client shows a spinner on the button until it times out.
        await bot.AnswerCallbackQuery(query.Id, outcome.Notice, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (outcome.Reply is not { } reply)
        {
            return;
        }

        await _sender.RemoveButtonsAsync(asked.Chat.Id, asked.Id, cancellationToken).ConfigureAwait(false);
        await _sender.SendAsync(asked.Chat.Id, reply, cancellationToken).ConfigureAwait(false);
        if (reply.FollowJob is { } job)
        {
            _follows!.Follow(queues, asked.Chat.Id, job);
        }
    }

    private ChatUser User(User from, long chatId)
    {
        var role = _options.RoleOf(from.Id);
        if (role is null)
        {
            TelegramLog.Refused(logger, from.Id, from.Username, chatId);
        }

        return new ChatUser(from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), from.Username ?? from.FirstName, role);
    }

    private static ChatKey Chat(long chatId) => new("telegram", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // "/monitor" and "/monitor@ClaudBot" become the phrases they stand for; other text is kept as typed.
    private static string Command(string text)
    {
        string first = text.Split(' ', 2)[0].Split('@')[0];
        return Commands.TryGetValue(first, out string? phrase) ? phrase : text;
    }
}
