using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Hosting;
using ClaudBot.Intents.Catalog;
using ClaudBot.Targets;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// The bot as `claudbot chat` builds it (shipped catalogue, settings and data, local target with the
/// embedded server), in a temporary folder with its own port, results folder and audit log. The
/// conversation's clock can be a fake one, for expiry tests; the cluster always runs on real time.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public static readonly ChatUser Operator = new("1001", "olga", IntentRole.Operator);
    public static readonly ChatUser Viewer = new("2002", "victor", IntentRole.Viewer);
    public static readonly ChatUser Stranger = new("3003", "mallory", null);

    private readonly TempDirectory _folder;
    private readonly IHost _host;

    private BotHarness(TempDirectory folder, IHost host, FakeTimeProvider? clock)
    {
        _folder = folder;
        _host = host;
        Clock = clock;
    }

    public FakeTimeProvider? Clock { get; }

    public ConversationEngine Engine => Get<ConversationEngine>();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public IClusterTarget Target => _host.Services.GetRequiredService<IClusterTarget>();

    public string AuditLog => _folder.Combine("audit.jsonl");

    public string ResultsDirectory => _folder.Combine("results");

    public string LogDirectory => _folder.Combine("logs");

    /// <param name="services">Registrations made before the bot's (a target of the test's own is then kept).</param>
    public static async Task<BotHarness> StartAsync(bool fakeClock = false, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = new TempDirectory("claudbot-bot-");
        var overrides = IsolatedBotSettings.In(folder, settings);
        var builder = ClaudBotHost.CreateBuilder(overrides);
        services?.Invoke(builder.Services);
        builder.Services.AddBot();
        var clock = fakeClock ? new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero)) : null;
        if (clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new BotHarness(folder, host, clock);
    }

    public Task<Reply> SayAsync(string text, ChatUser? user = null, string chat = "chat-1") =>
        Engine.HandleAsync(new ChatMessage(new ChatKey("test", chat), user ?? Operator, text), CancellationToken.None);

    /// <summary>All the text a reply shows (texts, blocks, table cells), one item per line, for assertions.</summary>
    public static string Text(Reply reply) => ReplyPlainText.Render(reply);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        NodeDaemons.KillAll(_folder.Combine("home"));
        _folder.Dispose();
    }
}
