using System.Globalization;
using ClaudBot.Hosting;
using ClaudBot.Telegram.Tests.FakeBotApi;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Telegram.Tests;

/// <summary>
/// `claudbot telegram` as it runs for real (the whole bot on the local target), pointed at the fake Bot
/// API server on 127.0.0.1, with short intervals so progress edits and backoff happen within a test.
/// </summary>
internal sealed class TelegramBotHarness : IAsyncDisposable
{
    public const long OperatorId = 5001;
    public const long ViewerId = 5002;
    public const long StrangerId = 6666;
    public const long ChatA = 7001;
    public const long ChatB = 7002;

    private readonly TempDirectory _folder;
    private readonly Dictionary<string, string?> _settings;
    private IHost _host;

    private TelegramBotHarness(TempDirectory folder, FakeBotApiServer server, Dictionary<string, string?> settings, IHost host)
    {
        _folder = folder;
        Server = server;
        _settings = settings;
        _host = host;
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public FakeBotApiServer Server { get; }

    public string AuditLog => _folder.Combine("audit.jsonl");

    public static async Task<TelegramBotHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = new TempDirectory("claudbot-telegram-");
        var server = await FakeBotApiServer.StartAsync();
        var overrides = IsolatedBotSettings.In(folder, new Dictionary<string, string?>
        {
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl,
            ["Telegram:Users:0:Id"] = OperatorId.ToString(CultureInfo.InvariantCulture),
            ["Telegram:Users:0:Role"] = "Operator",
            ["Telegram:Users:1:Id"] = ViewerId.ToString(CultureInfo.InvariantCulture),
            ["Telegram:Users:1:Role"] = "Viewer",
            ["Telegram:PollTimeout"] = "00:00:02",
            ["Telegram:ProgressInterval"] = "00:00:00.300",
            ["Telegram:MaxBackoff"] = "00:00:00.200",
            ["Notifications:PollInterval"] = "00:00:00.500",
        });
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var host = await StartHostAsync(overrides);
        await server.WaitForPollingAsync(TimeSpan.FromSeconds(10));
        return new TelegramBotHarness(folder, server, overrides, host);
    }

    /// <summary>
    /// Stops this bot (its in-memory follows die with it; the node and its queue server go on, as they do when the bot's
    /// process is restarted) and starts a new one over the same home, queue server and fake Bot API.
    /// </summary>
    public async Task RestartAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _host = await StartHostAsync(_settings);
    }

    private static async Task<IHost> StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = ClaudBotHost.CreateBuilder(settings);
        builder.Services.AddTelegramBot();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Sends <paramref name="text"/> as <paramref name="userId"/> and waits for the first bot message in the chat matching <paramref name="expected"/>.</summary>
    public async Task<MessageState> AskAsync(string text, Func<MessageState, bool> expected, long userId = OperatorId, long chatId = ChatA, TimeSpan? timeout = null)
    {
        Server.EnqueueTextMessage(userId, chatId, text);
        return await Server.WaitForMessageAsync(m => m.ChatId == chatId && m.FromBot && expected(m), timeout ?? TimeSpan.FromSeconds(20));
    }

    public static Func<MessageState, bool> Containing(string fragment) => m => (m.Text ?? m.Caption ?? string.Empty).Contains(fragment, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Server.DisposeAsync();
        NodeDaemons.KillAll(_folder.Combine("home"));
        _folder.Dispose();
    }
}
