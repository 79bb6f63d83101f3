using ClaudBot.Bot;
using ClaudBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Hosting;

/// <summary>The bot's services (engine, actions, cluster target) for the terminal chat and one-shot verbs.</summary>
internal static class BotHost
{
    public static IHost Build(CliConsoles consoles, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = ClaudBotHost.CreateBuilder(overrides);
        builder.Services.AddBot();
        builder.Services.AddSingleton(sp => new TerminalReplies(consoles.Out, Path.Combine(AppContext.BaseDirectory, "downloads")));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TerminalChat>(sp, consoles.Out));
        return builder.Build();
    }

    /// <summary>Where the chat keeps its input history.</summary>
    public static string HistoryFile => Path.Combine(AppContext.BaseDirectory, "state", "chat_history");
}
