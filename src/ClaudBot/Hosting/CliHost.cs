using ClaudBot.Backtesting;
using ClaudBot.Intents;
using ClaudBot.Intents.Semantic;
using ClaudBot.MarketData;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Hosting;

/// <summary>The services behind the CLI's commands, on the shared host defaults.</summary>
internal static class CliHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = ClaudBotHost.CreateBuilder(overrides);
        builder.Services.AddBacktesting();
        builder.Services.AddIntents();
        builder.Services.AddSemanticIntents();
        builder.Services.AddMarketDataUpdate();
        return builder.Build();
    }
}
