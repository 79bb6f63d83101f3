using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Text;
using ClaudBot.Telegram.Tests.FakeBotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ClaudBot.Telegram.Tests;

/// <summary>
/// The fake Bot API, driven by the real Telegram.Bot client: what the bot sends arrives as sent, Telegram's refusals
/// come back as the client's exceptions, updates flow in order, and injected faults reach the receive loop.
/// </summary>
public sealed class FakeBotApiTests : IAsyncLifetime
{
    private const long Alice = 7_001; // A user id, and the id of her private chat with the bot.

    private static readonly HttpClient Http = new();
    private FakeBotApiServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync();
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, baseUrl: _server.BaseUrl), Http);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetMe_ReturnsTheBotWhoseIdIsTheTokensPrefix_AndAWrongTokenIsUnauthorized()
    {
        var me = await _bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("claudbot_test_bot", me.Username);

        var stranger = new TelegramBotClient(new TelegramBotClientOptions("123456:WRONG-token", baseUrl: _server.BaseUrl), Http);
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());
        Assert.Equal(401, refused.ErrorCode);
        Assert.Equal("Unauthorized", refused.Message);
    }

    [Fact]
    public async Task SendThenEdit_WithInlineKeyboards_ReadsBackTheLatestTextAndButtons()
    {
        var sent = await _bot.SendMessage(Alice, "Run <b>rsi</b> on TCS?", parseMode: ParseMode.Html, replyMarkup: YesNo("c:7f3a"));

        Assert.Equal("Run rsi on TCS?", sent.Text);
        var bold = Assert.Single(sent.Entities!);
        Assert.Equal((MessageEntityType.Bold, 4, 3), (bold.Type, bold.Offset, bold.Length));
        Assert.Equal("c:7f3a:y", sent.ReplyMarkup!.InlineKeyboard.Single().First().CallbackData);
        Assert.Equal(_server.BotId, sent.From!.Id);

        var edited = await _bot.EditMessageText(Alice, sent.Id, "Running <i>rsi</i>…", parseMode: ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Cancel", "c:7f3a:stop")));

        Assert.Equal(sent.Id, edited.Id);
        Assert.NotNull(edited.EditDate);
        var state = _server.GetMessage(Alice, sent.Id);
        Assert.Equal("Running rsi…", state.Text);
        Assert.Equal("Running <i>rsi</i>…", state.RawText);
        Assert.Equal(1, state.EditCount);
        Assert.Equal([new InlineButton("Cancel", "c:7f3a:stop", null)], state.InlineKeyboard.Single());
    }

    [Fact]
    public async Task EditMessageText_ToTheSameTextAndMarkup_IsRefusedAsNotModified()
    {
        var sent = await _bot.SendMessage(Alice, "<b>42%</b> done", parseMode: ParseMode.Html, replyMarkup: YesNo("p:1"));

        // <strong> is the same bold entity as <b>: Telegram compares what the user sees.
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.EditMessageText(Alice, sent.Id, "<strong>42%</strong> done", parseMode: ParseMode.Html, replyMarkup: YesNo("p:1")));

        Assert.Equal(400, refused.ErrorCode);
        Assert.Equal(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            refused.Message);
        Assert.Equal(0, _server.GetMessage(Alice, sent.Id).EditCount);
    }

    [Fact]
    public async Task EditMessageText_WithoutReplyMarkup_DropsTheKeyboard_AndEditMessageReplyMarkupCanDropItToo()
    {
        var first = await _bot.SendMessage(Alice, "Stop the cluster?", replyMarkup: YesNo("c:1"));
        var second = await _bot.SendMessage(Alice, "Stop the worker?", replyMarkup: YesNo("c:2"));

        await _bot.EditMessageText(Alice, first.Id, "Stopping…");
        await _bot.EditMessageReplyMarkup(Alice, second.Id, replyMarkup: null);

        Assert.Empty(_server.GetMessage(Alice, first.Id).InlineKeyboard);
        Assert.Null(_server.GetMessage(Alice, second.Id).ReplyMarkupJson);
        Assert.Equal("Stop the worker?", _server.GetMessage(Alice, second.Id).Text);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageReplyMarkup(Alice, second.Id, replyMarkup: null));
        Assert.StartsWith("Bad Request: message is not modified", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPhoto_FromAStream_ArrivesAsMultipartWithTheExactBytesNameAndCaption()
    {
        byte[] png = Png(640, 480);

        var sent = await _bot.SendPhoto(Alice, InputFile.FromStream(new MemoryStream(png), "equity.png"),
            caption: "<b>RSI</b> equity", parseMode: ParseMode.Html, replyMarkup: YesNo("x:1"));

        var call = await _server.WaitForCallAsync("sendPhoto");
        Assert.Equal("multipart", call.ContentKind);
        Assert.Equal("attach://0", call.Param("photo"));
        Assert.Equal("<b>RSI</b> equity", call.Caption);
        Assert.Contains("\"callback_data\":\"x:1:y\"", call.ReplyMarkupJson, StringComparison.Ordinal);
        var file = Assert.Single(call.Files);
        Assert.Equal(("photo", "0", "equity.png", "application/octet-stream"), (file.Field, file.PartName, file.FileName, file.ContentType));
        Assert.Equal(png, file.Bytes);

        Assert.Equal("RSI equity", sent.Caption);
        Assert.Equal((640, 480), (sent.Photo![^1].Width, sent.Photo[^1].Height));
        Assert.Equal(png.Length, sent.Photo[^1].FileSize);
        Assert.Equal(png, _server.GetMessage(Alice, sent.Id).File!.Bytes);
    }

    [Fact]
    public async Task SendDocument_FromAStream_KeepsBytesAndANonAsciiFileName_AndItsFileIdCanBeSentAgain()
    {
        byte[] csv = Encoding.UTF8.GetBytes("symbol,return\nTCS,0.12\n");

        var sent = await _bot.SendDocument(Alice, InputFile.FromStream(new MemoryStream(csv), "résultats 2024.csv"), caption: "Results");

        var file = Assert.Single((await _server.WaitForCallAsync("sendDocument")).Files);
        Assert.Equal(("document", "résultats 2024.csv"), (file.Field, file.FileName));
        Assert.Equal(csv, file.Bytes);
        Assert.Equal(("résultats 2024.csv", "text/csv", csv.Length), (sent.Document!.FileName, sent.Document.MimeType, sent.Document.FileSize));
        Assert.Equal("Results", sent.Caption);

        var resent = await _bot.SendDocument(Alice, InputFile.FromFileId(sent.Document.FileId));
        Assert.Equal(sent.Document.FileUniqueId, resent.Document!.FileUniqueId);
        Assert.Equal(csv, _server.GetMessage(Alice, resent.Id).File!.Bytes);
        Assert.False(_server.GetMessage(Alice, resent.Id).File!.IsUpload);
    }

    [Fact]
    public async Task SendPhoto_OfBytesThatAreNoImage_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.SendPhoto(Alice, InputFile.FromStream(new MemoryStream("not a png"u8.ToArray()), "chart.png")));

        Assert.Equal((400, "Bad Request: IMAGE_PROCESS_FAILED"), (refused.ErrorCode, refused.Message));
        Assert.Empty(_server.BotMessagesIn(Alice));
    }

    [Theory]
    [InlineData("<b>bold", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("line<br>break", "Unsupported start tag \"br\" at byte offset 4")]
    [InlineData("RSI < 30", "Unsupported start tag \"\" at byte offset 4")]
    [InlineData("<b>x</i>", "Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("é</b>", "Unexpected end tag at byte offset 2")]
    [InlineData("AT&T", "Unescaped \"&\" at byte offset 2")]
    [InlineData("a -> b", "Unescaped \">\" at byte offset 3")]
    public async Task SendMessage_WithHtmlTelegramCannotParse_IsRefused(string html, string reason)
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(Alice, html, parseMode: ParseMode.Html));

        Assert.Equal(400, refused.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: " + reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_server.BotMessagesIn(Alice));
    }

    [Fact]
    public async Task SendMessage_WithEscapedHtmlAndEveryTelegramTag_IsAcceptedWithItsEntities()
    {
        const string html = "&lt;RSI&gt; &amp; &quot;MACD&quot; &#8377; <a href=\"https://example.org/?a=1&amp;b=2\">link</a> "
            + "<u>u</u><s>s</s><tg-spoiler>sp</tg-spoiler><span class=\"tg-spoiler\">sp</span><code>c</code>"
            + "<pre><code class=\"language-python\">p</code></pre><blockquote>q</blockquote>";

        var sent = await _bot.SendMessage(Alice, html, parseMode: ParseMode.Html);

        Assert.Equal("<RSI> & \"MACD\" ₹ link usspspcpq", sent.Text);
        Assert.Equal(
            [MessageEntityType.TextLink, MessageEntityType.Underline, MessageEntityType.Strikethrough, MessageEntityType.Spoiler,
             MessageEntityType.Spoiler, MessageEntityType.Code, MessageEntityType.Pre, MessageEntityType.Blockquote],
            sent.Entities!.Select(e => e.Type));
        Assert.Equal("https://example.org/?a=1&b=2", sent.Entities![0].Url);
        Assert.Equal("python", sent.Entities.Single(e => e.Type == MessageEntityType.Pre).Language);
    }

    [Fact]
    public async Task TextLength_IsCountedAfterTagsAndEntities_4096IsTheLimit_AndEmptyIsRefused()
    {
        string longest = new('x', 4096);

        await _bot.SendMessage(Alice, longest);
        await _bot.SendMessage(Alice, "<b>" + longest[..4092] + "&amp;</b>", parseMode: ParseMode.Html);
        var tooLong = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(Alice, longest + "x"));
        var empty = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(Alice, "<b> </b>\n", parseMode: ParseMode.Html));
        var longCaption = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.SendPhoto(Alice, InputFile.FromStream(new MemoryStream(Png(10, 10)), "p.png"), caption: new string('c', 1025)));

        Assert.Equal((400, "Bad Request: message is too long"), (tooLong.ErrorCode, tooLong.Message));
        Assert.Equal((400, "Bad Request: message text is empty"), (empty.ErrorCode, empty.Message));
        Assert.Equal((400, "Bad Request: message caption is too long"), (longCaption.ErrorCode, longCaption.Message));
        Assert.Equal(2, _server.BotMessagesIn(Alice).Count);
        Assert.Equal(4093, _server.BotMessagesIn(Alice)[1].Text!.Length);
    }

    [Fact]
    public async Task CallbackData_Of64BytesIsAccepted_And65BytesIsRefused()
    {
        string sixtyFourBytes = new('é', 32); // Two UTF-8 bytes each: the limit is in bytes, not characters.

        await _bot.SendMessage(Alice, "ok", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("a", sixtyFourBytes)));
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.SendMessage(Alice, "too long", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("a", sixtyFourBytes + "x"))));

        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (refused.ErrorCode, refused.Message));
        Assert.Equal(sixtyFourBytes, Assert.Single(_server.BotMessagesIn(Alice)).InlineKeyboard[0][0].CallbackData);
    }

    [Fact]
    public async Task EditingOrAnsweringWhatDoesNotExist_IsRefusedInTelegramsWords()
    {
        var edit = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(Alice, 999, "x"));
        var answer = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery("12345"));
        var userMessage = _server.EnqueueTextMessage(Alice, Alice, "hello");
        var foreign = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(Alice, userMessage.MessageId!.Value, "hacked"));

        Assert.Equal((400, "Bad Request: message to edit not found"), (edit.ErrorCode, edit.Message));
        Assert.Equal((400, "Bad Request: query is too old and response timeout expired or query ID is invalid"), (answer.ErrorCode, answer.Message));
        Assert.Equal((400, "Bad Request: message can't be edited"), (foreign.ErrorCode, foreign.Message));
    }

    [Fact]
    public async Task AnswerCallbackQuery_IsRecordedOnce_AndASecondAnswerIsRefused()
    {
        var question = await _bot.SendMessage(Alice, "Stop?", replyMarkup: YesNo("c:9"));
        var press = _server.EnqueueCallbackQuery(Alice, Alice, question.Id, "c:9:y", username: "alice");
        var update = Assert.Single(await _bot.GetUpdates());

        Assert.False(_server.IsCallbackQueryAnswered(press.CallbackQueryId!));
        Assert.Equal((press.CallbackQueryId, "c:9:y", "alice"), (update.CallbackQuery!.Id, update.CallbackQuery.Data, update.CallbackQuery.From.Username));
        Assert.Equal(("Stop?", question.Id), (update.CallbackQuery.Message!.Text, update.CallbackQuery.Message.Id));

        await _bot.AnswerCallbackQuery(update.CallbackQuery.Id, "Stopping");
        var answered = await _server.WaitForCallbackAnswerAsync(press.CallbackQueryId!);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery(update.CallbackQuery.Id));

        Assert.Equal("Stopping", answered.AnswerText);
        Assert.Equal(400, again.ErrorCode);
        Assert.Equal(press.CallbackQueryId, (await _server.WaitForCallAsync("answerCallbackQuery")).CallbackQueryId);
    }

    [Fact]
    public async Task GetUpdates_ReturnsEnqueuedUpdatesInOrder_AndAnOffsetConfirmsTheEarlierOnes()
    {
        var question = await _bot.SendMessage(Alice, "Confirm?", replyMarkup: YesNo("c:3"));
        var text = _server.EnqueueTextMessage(Alice, Alice, "/status now", username: "alice", firstName: "Alice");
        var press = _server.EnqueueCallbackQuery(Alice, Alice, question.Id, "c:3:n");
        var later = _server.EnqueueTextMessage(Alice, Alice, "backtest rsi on TCS");

        var all = await _bot.GetUpdates();
        var fromSecond = await _bot.GetUpdates(offset: (int)press.UpdateId);
        var none = await _bot.GetUpdates(offset: (int)later.UpdateId + 1);

        Assert.Equal([text.UpdateId, press.UpdateId, later.UpdateId], all.Select(u => (long)u.Id));
        Assert.Equal([UpdateType.Message, UpdateType.CallbackQuery, UpdateType.Message], all.Select(u => u.Type));
        Assert.Equal(("/status now", "Alice", ChatType.Private), (all[0].Message!.Text, all[0].Message!.From!.FirstName, all[0].Message!.Chat.Type));
        Assert.Equal((MessageEntityType.BotCommand, 7), (all[0].Message!.Entities![0].Type, all[0].Message!.Entities![0].Length));
        Assert.Equal([press.UpdateId, later.UpdateId], fromSecond.Select(u => (long)u.Id));
        Assert.Empty(none);
        Assert.Equal(0, _server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_WithATimeout_IsHeldUntilAnUpdateIsQueued_OrAboutASecondLessThanTheTimeout()
    {
        var waiting = _bot.GetUpdates(timeout: 30);
        await Task.Delay(150);
        Assert.False(waiting.IsCompleted);
        var clock = Stopwatch.StartNew();
        var queued = _server.EnqueueTextMessage(Alice, Alice, "hi");

        var updates = await waiting.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"answered {clock.Elapsed} after the update");
        Assert.Equal(queued.UpdateId, Assert.Single(updates).Id);

        clock.Restart();
        var empty = await _bot.GetUpdates(offset: (int)queued.UpdateId + 1, timeout: 2);
        Assert.Empty(empty);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task GetUpdates_ASecondPollerEndsTheFirstWith409Conflict()
    {
        var first = _bot.GetUpdates(timeout: 30);
        await _server.WaitForPollingAsync();

        var second = await _bot.GetUpdates();
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => first);

        Assert.Empty(second);
        Assert.Equal(409, conflict.ErrorCode);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawUpdates_OfEveryKind_ReachTheClientInOrder_EvenFieldsItDoesNotKnow()
    {
        _server.EnqueueRawUpdate("""{"edited_message":{"message_id":5,"date":1700000000,"edit_date":1700000100,"chat":{"id":7001,"type":"private","first_name":"A"},"from":{"id":7001,"is_bot":false,"first_name":"A"},"text":"fixed"}}""");
        _server.EnqueueRawUpdate("""{"channel_post":{"message_id":6,"date":1700000000,"chat":{"id":-1001234567890,"type":"channel","title":"News"},"text":"post"}}""");
        _server.EnqueueRawUpdate("""{"message":{"message_id":7,"date":1700000000,"chat":{"id":7001,"type":"private","first_name":"A"},"from":{"id":7001,"is_bot":false,"first_name":"A"},"photo":[{"file_id":"p1","file_unique_id":"u1","width":90,"height":90}]}}""");
        _server.EnqueueRawUpdate("""{"my_chat_member":{"chat":{"id":7001,"type":"private","first_name":"A"},"from":{"id":7001,"is_bot":false,"first_name":"A"},"date":1700000000,"old_chat_member":{"status":"member","user":{"id":123456,"is_bot":true,"first_name":"B"}},"new_chat_member":{"status":"kicked","user":{"id":123456,"is_bot":true,"first_name":"B"},"until_date":0}}}""");
        _server.EnqueueRawUpdate("""{"future_update_kind":{"some_field":[1,2,3]}}""");
        _server.EnqueueRawUpdate("""{"message":{"message_id":8,"date":1700000000,"chat":{"id":7001,"type":"private"},"text":"hi","future_field":{"x":1}}}""");

        var updates = await _bot.GetUpdates();

        Assert.Equal(
            [UpdateType.EditedMessage, UpdateType.ChannelPost, UpdateType.Message, UpdateType.MyChatMember, UpdateType.Unknown, UpdateType.Message],
            updates.Select(u => u.Type));
        Assert.Equal("hi", updates[5].Message!.Text);
        Assert.Null(updates[2].Message!.Text);
        Assert.Equal("p1", updates[2].Message!.Photo![0].FileId);
        Assert.Equal(ChatMemberStatus.Kicked, updates[3].MyChatMember!.NewChatMember.Status);
    }

    [Fact]
    public async Task ReceiveLoop_SurvivesABadGatewayAndADroppedConnection_AndLaterUpdatesStillArrive()
    {
        _server.FailNextWithBadGateway("getUpdates");
        _server.DropNextConnection("getUpdates");
        var received = new List<Update>();
        var errors = new List<Exception>();
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var loop = _bot.ReceiveAsync(
            (_, update, _) =>
            {
                lock (received)
                    received.Add(update);
                if (received.Count == 2)
                    secondArrived.TrySetResult();
                return Task.CompletedTask;
            },
            (_, exception, _) =>
            {
                lock (errors)
                    errors.Add(exception);
                return Task.CompletedTask;
            },
            new ReceiverOptions { AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery] },
            stop.Token);

        await _server.WaitForCallsAsync("getUpdates", 2);
        _server.EnqueueTextMessage(Alice, Alice, "first");
        await _server.WaitForCallAsync("getUpdates", c => c.Succeeded && c.ResponseJson!.Contains("first", StringComparison.Ordinal));
        _server.EnqueueTextMessage(Alice, Alice, "second");
        await secondArrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["first", "second"], received.Select(u => u.Message!.Text));
        Assert.Equal(2, _server.FaultsServed("getUpdates"));
        Assert.Equal(2, errors.Count);
        var badGateway = Assert.IsType<RequestException>(errors[0]);
        Assert.Equal(HttpStatusCode.BadGateway, badGateway.HttpStatusCode);
        var dropped = Assert.IsType<RequestException>(errors[1]);
        Assert.Null(dropped.HttpStatusCode);
        Assert.IsType<HttpRequestException>(dropped.InnerException);
    }

    [Fact]
    public async Task TooManyRequests_WithAShortRetryAfter_IsRetriedByTheClientItself()
    {
        _server.InjectFault("sendMessage", FakeFault.TooManyRequests(retryAfterSeconds: 1));
        var clock = Stopwatch.StartNew();

        var sent = await _bot.SendMessage(Alice, "report");

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}");
        var calls = _server.CallsTo("sendMessage");
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.Equal(1, _server.FaultsServed("sendMessage"));
        Assert.Equal("report", _server.GetMessage(Alice, sent.Id).Text);
    }

    [Fact]
    public async Task TooManyRequests_BeyondTheClientsRetryThreshold_SurfacesWithRetryAfter()
    {
        _server.FailNextWithError("sendMessage", 429, "Too Many Requests: retry after 120", retryAfter: 120);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(Alice, "report"));

        Assert.Equal((429, 120), (refused.ErrorCode, refused.Parameters?.RetryAfter));
        Assert.Single(_server.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task BadGatewayOnSend_SurfacesAsARequestExceptionAndSendsNothing_WhileADropAfterProcessingSendsIt()
    {
        _server.FailNextWithBadGateway("sendMessage");
        _server.DropNextConnection("sendMessage", afterProcessing: true);

        var badGateway = await Assert.ThrowsAsync<RequestException>(() => _bot.SendMessage(Alice, "one"));
        var dropped = await Assert.ThrowsAsync<RequestException>(() => _bot.SendMessage(Alice, "two"));

        Assert.Equal(HttpStatusCode.BadGateway, badGateway.HttpStatusCode);
        Assert.IsNotType<ApiRequestException>(dropped);
        Assert.Equal(["two"], _server.BotMessagesIn(Alice).Select(m => m.Text)); // The client never learnt of it.
        Assert.Equal(0, _server.FaultsPending("sendMessage"));
    }

    [Fact]
    public async Task SendChatActionAndSetMyCommands_AreRecorded_AndBadValuesRefused()
    {
        await _bot.SendChatAction(Alice, ChatAction.UploadPhoto);
        await _bot.SetMyCommands([new BotCommand("status", "Cluster status"), new BotCommand("backtest", "Run a backtest")]);
        var badCommand = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SetMyCommands([new BotCommand("Status", "x")]));

        Assert.Equal("upload_photo", (await _server.WaitForCallAsync("sendChatAction")).Param("action"));
        Assert.Equal([new BotCommandEntry("status", "Cluster status"), new BotCommandEntry("backtest", "Run a backtest")], _server.Commands);
        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", badCommand.Message);
        await _bot.DeleteWebhook();
        Assert.Equal(200, (await _server.WaitForCallAsync("deleteWebhook")).StatusCode);
    }

    [Fact]
    public async Task WaitForCallAsync_CompletesWhenTheCallArrives_AndOnTimeoutListsTheRecordedCalls()
    {
        var waiting = _server.WaitForCallAsync("sendMessage", c => c.Text == "later");
        Assert.False(waiting.IsCompleted);

        await _bot.SendMessage(Alice, "sooner");
        await _bot.SendMessage(Alice, "later");
        var call = await waiting;
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => _server.WaitForCallAsync("sendPhoto", timeout: TimeSpan.FromMilliseconds(100)));

        Assert.Equal((Alice, 2), (call.ChatId, call.MessageId));
        Assert.Contains("a call to sendPhoto", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("Recorded calls (2)", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("sendMessage -> 200", timeout.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Token, timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormAndQueryParameters_AreUnderstoodToo_AndUnknownMethodsAre404()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "7001", ["text"] = "from a form" });
        using var sent = await Http.PostAsync(new Uri($"{_server.BaseUrl}/bot{_server.Token}/sendMessage"), form);
        using var query = await Http.GetAsync(new Uri($"{_server.BaseUrl}/bot{_server.Token}/sendMessage?chat_id=7001&text=from%20a%20query"));
        using var unknown = await Http.PostAsync(new Uri($"{_server.BaseUrl}/bot{_server.Token}/launchRockets"), null);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.StartsWith("{\"ok\":true,\"result\":{\"message_id\":1,", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(["from a form", "from a query"], _server.BotMessagesIn(Alice).Select(m => m.Text));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheInjectedClock_StampsCallsAndMessages_AndAgesCallbackQueriesPastTheAnswerWindow()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = clock, CallbackAnswerWindow = TimeSpan.FromSeconds(15) });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, baseUrl: server.BaseUrl), Http);

        var sent = await bot.SendMessage(Alice, "Stop?", replyMarkup: YesNo("c:5"));
        var press = server.EnqueueCallbackQuery(Alice, Alice, sent.Id, "c:5:y");
        clock.Now += TimeSpan.FromSeconds(16);
        var late = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(press.CallbackQueryId!));

        Assert.Equal(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), sent.Date);
        Assert.Equal(clock.Now - TimeSpan.FromSeconds(16), server.CallsTo("sendMessage").Single().ReceivedAt);
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", late.Message);
        Assert.False(server.IsCallbackQueryAnswered(press.CallbackQueryId!));
    }

    private static InlineKeyboardMarkup YesNo(string prefix) => new(
        InlineKeyboardButton.WithCallbackData("Yes", prefix + ":y"),
        InlineKeyboardButton.WithCallbackData("No", prefix + ":n"));

    /// <summary>A PNG signature and IHDR chunk: enough for Telegram (and the fake) to read the size.</summary>
    private static byte[] Png(int width, int height)
    {
        byte[] png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8; // bit depth
        png[25] = 6; // RGBA
        return png;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
