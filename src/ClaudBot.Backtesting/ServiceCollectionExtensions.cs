using ClaudBot.MarketData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Backtesting;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="BacktestService"/>, the market index beside its results, its options (section <c>Backtest</c>) and market data.</summary>
    public static IServiceCollection AddBacktesting(this IServiceCollection services)
    {
        services.AddMarketData();
        services.AddOptions<BacktestOptions>()
            .BindConfiguration(BacktestOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.MaxTasks = configuration.GetValue(BacktestOptions.MaxTasksSetting, BacktestOptions.DefaultMaxTasks))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Market.MarketIndexCache>();
        services.AddSingleton<BacktestService>();
        services.AddSingleton<PortfolioRunner>();
        return services;
    }
}
