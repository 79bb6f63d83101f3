using System.Globalization;
using ClaudBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// A local Telegram Bot API on 127.0.0.1 for tests: the real wire protocol (POST /bot{token}/{method}, JSON or
/// multipart bodies, the {"ok":...} envelope), Telegram's checks on what the bot sends, a queue of incoming updates,
/// a record of every call, the state of every message, and faults on demand.
/// Point Telegram.Bot at it with <c>new TelegramBotClientOptions(server.Token, baseUrl: server.BaseUrl)</c>.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST-token";

    private readonly WebApplication _app;
    private readonly MessageStore _messages;
    private readonly UpdateQueue _updates;
    private readonly CallbackQueries _callbacks;
    private readonly CallLog _calls;
    private readonly FaultPlan _faults;
    private readonly BotMethods _methods;
    private readonly IncomingUpdates _incoming;

    private FakeBotApiServer(WebApplication app, FakeBotApiOptions options, string baseUrl, string token)
    {
        _app = app;
        Options = options;
        BaseUrl = baseUrl;
        Token = token;
        BotId = long.Parse(token.AsSpan(0, token.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        var botUser = TelegramJson.Bot(BotId, options.BotFirstName, options.BotUsername, full: false);
        _messages = new MessageStore();
        _calls = new CallLog();
        _updates = new UpdateQueue(options.FirstUpdateId, _calls.Changed);
        _callbacks = new CallbackQueries();
        _faults = new FaultPlan();
        _methods = new BotMethods(options, new MessageMethods(options, _messages, botUser), _updates, _callbacks,
            TelegramJson.Bot(BotId, options.BotFirstName, options.BotUsername, full: true));
        _incoming = new IncomingUpdates(options, _messages, _updates, _callbacks, botUser);
        var endpoint = new BotApiEndpoint(token, _methods, _faults, _calls, options.Time);
        _app.Run(endpoint.HandleAsync);
    }

    /// <summary>"http://127.0.0.1:PORT" (or the listen address), for TelegramBotClientOptions' baseUrl.</summary>
    public string BaseUrl { get; }

    /// <summary>The only token the server accepts; any other gets 401 Unauthorized.</summary>
    public string Token { get; }

    /// <summary>The bot's user id: the digits before the token's colon, as on Telegram.</summary>
    public long BotId { get; }

    public FakeBotApiOptions Options { get; }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeBotApiServer> StartAsync(FakeBotApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeBotApiOptions();
        for (int attempt = 1; ; attempt++)
        {
            int port = TestPorts.Free();
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(options.ListenAddress, port);
                kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            });
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
            var app = builder.Build();
            var server = new FakeBotApiServer(app, options, $"http://{options.ListenAddress}:{port.ToString(CultureInfo.InvariantCulture)}", options.Token);
            try
            {
                await app.StartAsync(cancellationToken);
                return server;
            }
            catch (IOException) when (attempt < 5)
            {
                await app.DisposeAsync(); // The port was taken between the probe and the bind; take another.
            }
        }
    }

    // ---- What users do -------------------------------------------------------------------------------------

    /// <summary>A user writes <paramref name="text"/> in a chat (the private chat with the bot when ids are equal).</summary>
    public EnqueuedUpdate EnqueueTextMessage(long userId, long chatId, string text, string? username = null, string firstName = "Test") =>
        _incoming.TextMessage(new FakeUser(userId, firstName, username), chatId, text);

    /// <summary>A user presses a button whose callback_data is <paramref name="data"/> on a message of the chat.</summary>
    public EnqueuedUpdate EnqueueCallbackQuery(long userId, long chatId, int messageId, string data, string? username = null, string firstName = "Test") =>
        _incoming.CallbackQuery(new FakeUser(userId, firstName, username), chatId, messageId, data);

    /// <summary>Queues any update object (edited_message, my_chat_member, fields from the future); its update_id is assigned.</summary>
    public long EnqueueRawUpdate(string updateJson) => _incoming.Raw(updateJson);

    /// <summary>Updates not yet confirmed by an offset.</summary>
    public int PendingUpdateCount => _updates.Count;

    /// <summary>True while the bot's getUpdates is being held (calls are recorded when answered, polls too).</summary>
    public bool IsBotPolling => _updates.IsPolling;

    // ---- What the bot did ----------------------------------------------------------------------------------

    /// <summary>Every call so far, in the order answered.</summary>
    public IReadOnlyList<RecordedCall> Calls => _calls.Snapshot();

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. _calls.Snapshot().Where(c => c.Is(method))];

    /// <summary>Every message of every chat as it is now (the bot's and the users').</summary>
    public IReadOnlyList<MessageState> Messages => _messages.All();

    /// <summary>The bot's messages in a chat as they are now, oldest first.</summary>
    public IReadOnlyList<MessageState> BotMessagesIn(long chatId) => [.. _messages.All().Where(m => m.ChatId == chatId && m.FromBot)];

    public MessageState? FindMessage(long chatId, int messageId) => _messages.Find(chatId, messageId);

    public MessageState GetMessage(long chatId, int messageId) =>
        _messages.Find(chatId, messageId)
        ?? throw new InvalidOperationException($"No message {messageId} in chat {chatId}. {_calls.Describe()}");

    public CallbackQueryState? FindCallbackQuery(string callbackQueryId) => _callbacks.Find(callbackQueryId);

    public bool IsCallbackQueryAnswered(string callbackQueryId) => _callbacks.Find(callbackQueryId)?.Answered == true;

    /// <summary>The commands of the last successful setMyCommands.</summary>
    public IReadOnlyList<BotCommandEntry> Commands => _methods.Commands;

    /// <summary>One line per recorded call, for assertion messages.</summary>
    public string DescribeCalls() => _calls.Describe();

    // ---- Waiting (each waits for the next record, never polls) --------------------------------------------

    /// <summary>The first call to <paramref name="method"/> (matching <paramref name="where"/>), already made or to come.</summary>
    public Task<RecordedCall> WaitForCallAsync(string method, Func<RecordedCall, bool>? where = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(() => _calls.Snapshot().FirstOrDefault(c => c.Is(method) && (where is null || where(c))), $"a call to {method}", timeout, cancellationToken);

    /// <summary>The first call matching <paramref name="where"/>, already made or to come.</summary>
    public Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> where, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(() => _calls.Snapshot().FirstOrDefault(where), "a matching call", timeout, cancellationToken);

    /// <summary>The first <paramref name="count"/> calls to <paramref name="method"/>.</summary>
    public Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string method, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync<IReadOnlyList<RecordedCall>>(
            () => CallsTo(method) is { } found && found.Count >= count ? [.. found.Take(count)] : null,
            $"{count} calls to {method}", timeout, cancellationToken);

    /// <summary>The first bot message whose current state matches (for example, after the edit that says "done").</summary>
    public Task<MessageState> WaitForMessageAsync(Func<MessageState, bool> where, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(() => _messages.All().FirstOrDefault(m => m.FromBot && where(m)), "a bot message in the expected state", timeout, cancellationToken);

    /// <summary>Until a getUpdates is being held: the bot is listening.</summary>
    public Task WaitForPollingAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(() => _updates.IsPolling ? "polling" : null, "the bot to long-poll getUpdates", timeout, cancellationToken);

    public Task<CallbackQueryState> WaitForCallbackAnswerAsync(string callbackQueryId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(() => _callbacks.Find(callbackQueryId) is { Answered: true } q ? q : null, $"an answer to callback query {callbackQueryId}", timeout, cancellationToken);

    /// <summary>
    /// Completes with the probe's first non-null value, looking again after every call the server records;
    /// on timeout fails with a <see cref="TimeoutException"/> that lists the recorded calls.
    /// </summary>
    public Task<T> WaitForAsync<T>(Func<T?> probe, string description, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : class =>
        Waiting.UntilAsync(_calls.Changed, probe, () => $"{description}. {_calls.Describe()}", timeout, cancellationToken);

    // ---- Faults ---------------------------------------------------------------------------------------------

    /// <summary>The next <paramref name="times"/> calls to <paramref name="method"/> are answered by the fault.</summary>
    public void InjectFault(string method, FakeFault fault, int times = 1) => _faults.Add(method, fault, times);

    /// <summary>HTTP 502 with nginx's HTML page, as when Telegram's backend is away.</summary>
    public void FailNextWithBadGateway(string method, int times = 1) => InjectFault(method, FakeFault.BadGateway(), times);

    /// <summary>A JSON error; with <paramref name="retryAfter"/> it carries parameters.retry_after (use 429).</summary>
    public void FailNextWithError(string method, int errorCode, string description, int? retryAfter = null, int times = 1) =>
        InjectFault(method, FakeFault.ApiError(errorCode, description, retryAfter), times);

    /// <summary>Aborts the TCP connection without a response; after processing, the call has taken effect first.</summary>
    public void DropNextConnection(string method, int times = 1, bool afterProcessing = false) =>
        InjectFault(method, FakeFault.DropConnection(afterProcessing), times);

    /// <summary>How many injected faults calls to <paramref name="method"/> have met.</summary>
    public int FaultsServed(string method) => _faults.Served(method);

    /// <summary>Injected faults still waiting for a call to <paramref name="method"/>.</summary>
    public int FaultsPending(string method) => _faults.Pending(method);

    public async ValueTask DisposeAsync()
    {
        _updates.Close();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
