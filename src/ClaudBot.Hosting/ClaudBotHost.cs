using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ClaudBot.Hosting;

/// <summary>
/// The host every ClaudBot process starts from. Settings, later ones winning: where the home puts stored
/// things (<see cref="ClaudBotHome"/>), the program's <c>appsettings.json</c> (defaults only), the user's
/// <c>settings.json</c> in the home's config folder (what <c>claudbot setup</c> writes), environment
/// variables prefixed <c>CLAUDBOT_</c> (e.g. <c>CLAUDBOT_Backtest__CostBps=5</c>), then the caller's
/// overrides. An override <c>Home</c> moves the whole home (as <c>CLAUDBOT_HOME</c> does) for one host.
/// Logs go to stderr, leaving stdout to the command's output.
/// </summary>
public static class ClaudBotHost
{
    /// <summary>The configuration key that moves the home for one host (tests), like <c>CLAUDBOT_HOME</c> for a process.</summary>
    public const string HomeKey = "Home";

    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        overrides ??= new Dictionary<string, string?>();
        var home = ClaudBotHome.Resolve(overrides.TryGetValue(HomeKey, out string? root) ? root : null);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddInMemoryCollection(home.Defaults())
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(home.SettingsFile, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("CLAUDBOT_")
            .AddInMemoryCollection(overrides);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // A failed start (invalid settings) is reported by the caller as one line; the host's own log of it is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(home);

        // Rules saved under a name live with the settings; every process kind reads the same files.
        builder.Services.AddSingleton(Strategies.SavedRuleFiles.In(home));
        builder.Services.AddSingleton<Engine.Strategies.ISavedRules>(sp => sp.GetRequiredService<Strategies.SavedRuleFiles>());
        return builder;
    }
}
