using System.Globalization;
using ClaudBot.Bot;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Hosting;
using ClaudBot.Intents.Catalog;
using ClaudBot.Ssh.Tests.Server;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Ssh.Tests;

/// <summary>
/// The bot on the laptop side with the <c>ssh</c> target, pointed at a <see cref="ServerHost"/>: its own
/// key (authorised on the server), its own known_hosts with the server's key recorded (as setup leaves it).
/// </summary>
internal sealed class SshBotHarness : IAsyncDisposable
{
    private static readonly ChatUser Operator = new("1", "olga", IntentRole.Operator);
    private readonly TempDirectory _folder;
    private readonly IHost _host;

    private SshBotHarness(TempDirectory folder, IHost host)
    {
        _folder = folder;
        _host = host;
    }

    public ConversationEngine Engine => _host.Services.GetRequiredService<ConversationEngine>();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public string KnownHosts => _folder.Combine("known_hosts");

    public static async Task<SshBotHarness> StartAsync(ServerHost server, string identityFile, bool recordHostKey = true, int? dashboardPort = null)
    {
        var folder = new TempDirectory("claudbot-sshbot-");
        if (recordHostKey)
        {
            await File.WriteAllTextAsync(folder.Combine("known_hosts"), $"{server.Address} {server.HostKeyPublicLine}\n");
        }

        var settings = IsolatedBotSettings.In(folder, new Dictionary<string, string?>
        {
            ["Target:Kind"] = "ssh",
            ["Target:Ssh:Host"] = server.Address,
            ["Target:Ssh:User"] = server.User,
            ["Target:Ssh:Port"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["Target:Ssh:IdentityFile"] = identityFile,
            ["Target:Ssh:KnownHostsFile"] = folder.Combine("known_hosts"),
            ["Target:Ssh:DashboardPort"] = (dashboardPort ?? TestPorts.Free()).ToString(CultureInfo.InvariantCulture),
            ["Target:Ssh:ConnectTimeout"] = "00:00:03",
        });
        var builder = ClaudBotHost.CreateBuilder(settings);
        builder.Services.AddSshTarget(builder.Configuration);
        builder.Services.AddBot();
        var host = builder.Build();
        await host.StartAsync();
        return new SshBotHarness(folder, host);
    }

    public Task<Reply> SayAsync(string text) => Engine.HandleAsync(new ChatMessage(new ChatKey("test", "ssh"), Operator, text), CancellationToken.None);

    /// <summary>Says <paramref name="text"/>, and "yes" when the bot asks to confirm.</summary>
    public async Task<Reply> SayConfirmedAsync(string text)
    {
        var reply = await SayAsync(text);
        return reply.Confirm is null ? reply : await SayAsync("yes");
    }

    public static string Text(Reply reply) => ReplyPlainText.Render(reply);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _folder.Dispose();
    }
}
