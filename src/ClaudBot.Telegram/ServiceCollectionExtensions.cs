using ClaudBot.Bot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ClaudBot.Telegram;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The bot on Telegram (section <c>Telegram</c>; the token may also come from <c>Telegram:TokenFile</c> or <c>TELEGRAM_BOT_TOKEN</c>):
    /// the conversation engine plus the long-polling channel as a hosted service.
    /// </summary>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services)
    {
        services.AddBot();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section)
            .PostConfigure(TelegramToken.Resolve)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // The HTTP timeout must outlast a long poll, or every quiet poll would end as an error.
            var http = new HttpClient { Timeout = options.PollTimeout + TimeSpan.FromSeconds(15) };
            return new TelegramBotClient(new TelegramBotClientOptions(options.Token!, string.IsNullOrEmpty(options.ApiBaseUrl) ? null : options.ApiBaseUrl), http);
        });
        services.AddHostedService<TelegramBotService>();
        return services;
    }
}
