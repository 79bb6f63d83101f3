using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>The Bot API methods the fake answers; method names are case-insensitive, as on Telegram.</summary>
internal sealed partial class BotMethods(
    FakeBotApiOptions options,
    MessageMethods messageMethods,
    UpdateQueue updates,
    CallbackQueries callbacks,
    JsonObject botUserFull)
{
    private static readonly HashSet<string> ChatActions = new(StringComparer.Ordinal)
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    };

    private readonly Lock _lock = new();
    private IReadOnlyList<BotCommandEntry> _commands = [];

    public IReadOnlyList<BotCommandEntry> Commands
    {
        get
        {
            lock (_lock)
                return _commands;
        }
    }

    public async Task<MethodResult> InvokeAsync(BotApiRequest request, CancellationToken aborted) =>
        request.Method.ToUpperInvariant() switch
        {
            "GETME" => new MethodResult(botUserFull.DeepClone()),
            "GETUPDATES" => new MethodResult(await GetUpdatesAsync(request, aborted)),
            "DELETEWEBHOOK" => DeleteWebhook(request),
            "SETMYCOMMANDS" => SetMyCommands(request),
            "GETMYCOMMANDS" => GetMyCommands(),
            "SENDMESSAGE" => messageMethods.SendMessage(request),
            "EDITMESSAGETEXT" => messageMethods.EditMessageText(request),
            "EDITMESSAGEREPLYMARKUP" => messageMethods.EditMessageReplyMarkup(request),
            "SENDPHOTO" => messageMethods.SendPhoto(request),
            "SENDDOCUMENT" => messageMethods.SendDocument(request),
            "SENDCHATACTION" => SendChatAction(request),
            "ANSWERCALLBACKQUERY" => AnswerCallbackQuery(request),
            _ => throw new BotApiException(404, "Not Found"),
        };

    private Task<JsonArray> GetUpdatesAsync(BotApiRequest request, CancellationToken aborted)
    {
        long offset = request.Long("offset", 0);
        int limit = Math.Clamp(request.Int("limit", 100), 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, request.Int("timeout", 0)));
        // Answer before the client's own HTTP timeout, which Telegram.Bot sends as the poll timeout.
        var hold = timeout <= TimeSpan.Zero ? TimeSpan.Zero : Min(options.MaxLongPollHold, timeout - Min(TimeSpan.FromSeconds(1), timeout / 2));
        return updates.PollAsync(offset, limit, hold, request.StringList("allowed_updates"), aborted);
    }

    private MethodResult DeleteWebhook(BotApiRequest request)
    {
        if (request.Flag("drop_pending_updates"))
            updates.Clear();
        return new MethodResult(true);
    }

    private MethodResult SetMyCommands(BotApiRequest request)
    {
        var list = JsonNode.Parse(request.Required("commands", "parameter \"commands\" is required")) as JsonArray
            ?? throw BotApiException.BadRequest("can't parse commands JSON array");
        if (list.Count > 100)
            throw BotApiException.BadRequest("too many commands specified");
        var commands = new List<BotCommandEntry>();
        foreach (var item in list)
        {
            string command = item?["command"]?.GetValue<string>() ?? string.Empty;
            string description = item?["description"]?.GetValue<string>() ?? string.Empty;
            if (!CommandPattern().IsMatch(command))
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            if (description.Trim().Length is 0 or > 256)
                throw BotApiException.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            commands.Add(new BotCommandEntry(command, description));
        }
        lock (_lock)
            _commands = commands;
        return new MethodResult(true);
    }

    private MethodResult GetMyCommands()
    {
        var list = new JsonArray();
        foreach (var command in Commands)
            list.Add(new JsonObject { ["command"] = command.Command, ["description"] = command.Description });
        return new MethodResult(list);
    }

    private static MethodResult SendChatAction(BotApiRequest request)
    {
        request.ChatId();
        if (!ChatActions.Contains(request.Required("action", "action is empty")))
            throw BotApiException.BadRequest("wrong parameter action in request");
        return new MethodResult(true);
    }

    private MethodResult AnswerCallbackQuery(BotApiRequest request)
    {
        string id = request.Required("callback_query_id", "query is too old and response timeout expired or query ID is invalid");
        callbacks.Answer(id, request.Optional("text"), request.Flag("show_alert"), options.Time.GetUtcNow(), options.CallbackAnswerWindow);
        return new MethodResult(true);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();
}
