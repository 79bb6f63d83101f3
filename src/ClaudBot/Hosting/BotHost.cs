using ClaudBot.Bot;
using ClaudBot.Chat;
using ClaudBot.Ssh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Hosting;

/// <summary>The bot's services (engine, actions, cluster target) for the terminal chat and one-shot verbs.</summary>
internal static class BotHost
{
    public static IHost Build(CliConsoles consoles, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Create(overrides);
        builder.Services.AddBot();
        builder.Services.AddSingleton(sp => new TerminalReplies(consoles.Out, Path.Combine(AppContext.BaseDirectory, "downloads")));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TerminalChat>(sp, consoles.Out));
        return builder.Build();
    }

    /// <summary>
    /// The host defaults plus the guide's WORKER_HOST/WORKER_USER/CLUSTER_PORT (environment or .env), and the
    /// SSH target when <c>Target:Kind</c> is <c>ssh</c>; callers add the bot or a channel.
    /// </summary>
    public static HostApplicationBuilder Create(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = ClaudBotHost.CreateBuilder();
        builder.Configuration.AddGuideEnvironment();
        builder.Configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.Services.AddSshTarget(builder.Configuration);
        return builder;
    }

    /// <summary>Where the chat keeps its input history.</summary>
    public static string HistoryFile => Path.Combine(AppContext.BaseDirectory, "state", "chat_history");
}
