using ClaudBot.Backtesting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaudBot.Telegram.Tests;

/// <summary>The per-chat queue limits are settings: defaults as before, each range checked with the setting named.</summary>
public sealed class TelegramOptionsTests
{
    [Fact]
    public void QueueLimits_DefaultTo1000Chats_32Pending_10MinutesIdle()
    {
        var options = Bind([]);

        Assert.Equal((1_000, 32, TimeSpan.FromMinutes(10)), (options.MaxChats, options.MaxPendingPerChat, options.ChatIdleAfter));
    }

    [Fact]
    public void QueueLimits_AreReadFromSettings()
    {
        var options = Bind(new() { ["Telegram:MaxChats"] = "5", ["Telegram:MaxPendingPerChat"] = "2", ["Telegram:ChatIdleAfter"] = "00:00:30" });

        Assert.Equal((5, 2, TimeSpan.FromSeconds(30)), (options.MaxChats, options.MaxPendingPerChat, options.ChatIdleAfter));
    }

    [Theory]
    [InlineData("MaxChats", "0", "Telegram:MaxChats must be between 1 and 100,000.")]
    [InlineData("MaxChats", "100001", "Telegram:MaxChats must be between 1 and 100,000.")]
    [InlineData("MaxPendingPerChat", "0", "Telegram:MaxPendingPerChat must be between 1 and 1,000.")]
    [InlineData("MaxPendingPerChat", "1001", "Telegram:MaxPendingPerChat must be between 1 and 1,000.")]
    [InlineData("ChatIdleAfter", "00:00:00", "Telegram:ChatIdleAfter must be between 1 second and 1 day.")]
    [InlineData("ChatIdleAfter", "2.00:00:00", "Telegram:ChatIdleAfter must be between 1 second and 1 day.")]
    public void AnOutOfRangeQueueLimit_FailsValidation_NamingTheSetting(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Telegram:" + key] = value }));

        // The one line the program prints when startup stops on it.
        Assert.Equal("Configuration is invalid: " + expected, InputErrors.Describe(error));
    }

    /// <summary>Binds the options as the bot does (<c>AddTelegramBot</c>), with a well-formed token.</summary>
    internal static TelegramOptions Bind(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Telegram:Token", "1:a");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddTelegramBot();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
    }
}
