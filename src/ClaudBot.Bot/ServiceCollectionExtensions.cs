using ClaudBot.Backtesting;
using ClaudBot.Bot.Actions;
using ClaudBot.Bot.Audit;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.FollowUps;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Notifications;
using ClaudBot.Bot.Platform;
using ClaudBot.Bot.Results;
using ClaudBot.Bot.Rules;
using ClaudBot.Bot.Targets;
using ClaudBot.Bot.Targets.Local;
using ClaudBot.Cluster;
using ClaudBot.Intents;
using ClaudBot.Intents.Semantic;
using ClaudBot.MarketData;
using ClaudBot.Targets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The conversation engine with its actions, audit log and cluster target (section <c>Target</c>):
    /// the node service on this machine for <c>local</c>. Another target (SSH) is registered as <see cref="IClusterTarget"/>
    /// before this call and is then kept.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TargetOptions>().BindConfiguration(TargetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddBacktesting();
        services.AddIntents();
        services.AddSemanticIntents();
        services.AddMarketDataUpdate();
        services.TryAddSingleton(TimeProvider.System);
        // The platform seam: registered first (a ClientPlatform, or a SystemLoad/IProcessProbe of its own) wins.
        services.TryAddSingleton(_ => ClientPlatform.ForThisPlatform());
        services.TryAddSingleton(sp => sp.GetRequiredService<ClientPlatform>().Load);
        services.TryAddSingleton(sp => sp.GetRequiredService<ClientPlatform>().Probe);

        // The local target is a client of the node service on this machine: the queue's client, never its server.
        services.AddClusterClient();
        services.TryAddSingleton<NodeProgram>();
        services.TryAddSingleton<IClusterTarget>(sp => sp.GetRequiredService<IOptions<TargetOptions>>().Value.Kind == "local"
            ? ActivatorUtilities.CreateInstance<LocalNodeTarget>(sp)
            : throw new OptionsValidationException(TargetOptions.Section, typeof(TargetOptions), ["Target:Kind 'ssh' needs the SSH target registered before AddBot (AddSshTarget); this host has none."]));
        services.AddHostedService<TargetLifetime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, ClusterActions>());
        // One JobActions and one PortfolioActions: a follow-up runs through the very ones that run typed requests.
        services.TryAddSingleton<ClusterJobSubmitter>();
        services.TryAddSingleton<JobActions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, JobActions>(sp => sp.GetRequiredService<JobActions>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, FollowUpActions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, CatalogActions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, LogActions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, RuleActions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, DataActions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, LossActions>());
        services.TryAddSingleton<PortfolioActions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, PortfolioActions>(sp => sp.GetRequiredService<PortfolioActions>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, ScheduleActions>());
        services.TryAddSingleton<RecentRules>();
        services.TryAddSingleton<RecentRequests>();
        services.TryAddSingleton(sp => new NodeApiClient(
            sp.GetRequiredService<IClusterTarget>(), sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), new HttpClient { Timeout = TimeSpan.FromSeconds(30) }));
        services.TryAddSingleton<EquityChartMaker>();
        services.TryAddSingleton<JobSummaryBuilder>();
        services.TryAddSingleton<WalkForwardSummaryBuilder>();
        services.TryAddSingleton<IntentExecutor>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ConversationEngine>();
        services.AddNotifications();
        return services;
    }

    /// <summary>Subscriptions ("tell me when jobs finish") and the watch that finds what subscribed chats are told (section <c>Notifications</c>).</summary>
    private static void AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentAction, SubscriptionActions>());
        services.TryAddSingleton<ClusterWatch>();
    }
}
