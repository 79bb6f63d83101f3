using ClaudBot.Bot;
using ClaudBot.Bot.Platform;
using ClaudBot.Chat;
using ClaudBot.Ssh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Hosting;

/// <summary>The bot's services (engine, actions, cluster target) for the terminal chat and one-shot verbs.</summary>
internal static class BotHost
{
    public static IHost Build(CliConsoles consoles, IReadOnlyDictionary<string, string?>? overrides = null) => Compose(consoles, overrides).Build();

    /// <summary>The terminal client's composition, before it is built (tests resolve every service it registers).</summary>
    public static HostApplicationBuilder Compose(CliConsoles consoles, IReadOnlyDictionary<string, string?>? overrides = null, ClientPlatform? platform = null)
    {
        var builder = Create(overrides, platform);
        builder.Services.AddBot();
        builder.Services.AddSingleton(sp => new TerminalReplies(consoles.Out, sp.GetRequiredService<ClaudBotHome>().ChartsDirectory));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TerminalChat>(sp, consoles.Out));
        return builder;
    }

    /// <summary>
    /// The host defaults plus the guide's WORKER_HOST/WORKER_USER/CLUSTER_PORT (environment or .env), and the
    /// SSH target when <c>Target:Kind</c> is <c>ssh</c>; callers add the bot or a channel. <paramref name="platform"/>
    /// replaces the running OS's seam (tests compose the macOS client on Linux).
    /// </summary>
    public static HostApplicationBuilder Create(IReadOnlyDictionary<string, string?>? overrides = null, ClientPlatform? platform = null)
    {
        var builder = ClaudBotHost.CreateBuilder(overrides);
        if (platform is not null)
        {
            builder.Services.AddSingleton(platform);
        }

        builder.Configuration.AddGuideEnvironment(ClaudBotHome.Resolve(overrides?.GetValueOrDefault(ClaudBotHost.HomeKey)).DotEnvFile);
        builder.Configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.Services.AddSshTarget(builder.Configuration);

        // The queue client's reconnect warnings (a node stopped or killed) would land in the chat; the reply already says what happened.
        builder.Logging.AddFilter("ClaudBot.Redis", LogLevel.Error);
        return builder;
    }

}
