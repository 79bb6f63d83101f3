using ClaudBot.Backtesting;
using ClaudBot.Cluster.Driver;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Worker;
using ClaudBot.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ClaudBot.Cluster;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The cluster's shared parts: options (section <c>Cluster</c>), the Redis connection (a client only: the
    /// node composition adds the embedded server where it serves the queue), market data, the job store and the client.
    /// </summary>
    public static IServiceCollection AddClusterClient(this IServiceCollection services)
    {
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddBacktesting();
        services.AddClaudBotRedis();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobPlanner>();
        services.TryAddSingleton<JobStore>();
        services.TryAddSingleton<WorkQueue>();
        services.TryAddSingleton<JobNotes>();
        services.TryAddSingleton<Boxes.DataManifestSource>();
        services.TryAddSingleton<Boxes.ManifestStore>();
        services.TryAddSingleton<Boxes.BoxDrains>();
        services.TryAddSingleton<ClusterClient>();
        services.TryAddSingleton<Schedules.ScheduleStore>();
        services.TryAddSingleton<Notifications.JobFollows>();
        services.TryAddSingleton<Schedules.ScheduleBook>();
        services.TryAddSingleton<Metrics.ClusterMetrics>();
        services.TryAddSingleton<WalkForward.WalkForwardReports>();
        services.TryAddSingleton<Portfolio.PortfolioJobReports>();
        return services;
    }

    /// <summary>
    /// Adds a worker process's slots (<see cref="ClusterOptions.WorkerSlots"/>) as a hosted service, named by a
    /// <see cref="WorkerNameLease"/> (claimed on first use unless the caller registered one).
    /// </summary>
    public static IServiceCollection AddClusterWorker(this IServiceCollection services)
    {
        // Made by a factory so the container disposes the lease, freeing the name when the host stops.
        services.TryAddSingleton(sp => WorkerNameLease.Claim(sp.GetRequiredService<IOptions<ClusterOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<WorkerNameLease>().Identity);
        services.TryAddSingleton(sp => TaskRetry(sp.GetRequiredService<IOptions<ClusterOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ChunkRunner>();
        services.TryAddSingleton<WorkerGate>();
        services.TryAddSingleton<BoxAdmission>();
        services.TryAddSingleton<WorkerHeartbeats>();
        services.AddHostedService<WorkerService>();
        return services;
    }

    /// <summary>Adds the driver (job completion, results files, reaper) as a hosted service.</summary>
    public static IServiceCollection AddClusterDriver(this IServiceCollection services)
    {
        services.TryAddSingleton<JobJournal>();
        services.TryAddSingleton<JobProgressMeter>();
        services.TryAddSingleton<JobFinisher>();
        services.TryAddSingleton<ResultsFiling>();
        services.TryAddSingleton<Reaper>();

        // Before the driver, so no write of its own is mistaken for a leftover.
        services.AddHostedService<ResultsLeftoversCleaner>();
        services.AddHostedService<DriverService>();
        services.AddHostedService<Boxes.ManifestPublisher>();
        services.TryAddSingleton<Schedules.ScheduleRunner>();
        services.AddHostedService<Schedules.ScheduleService>();
        return services;
    }

    private static ResiliencePipeline TaskRetry(ClusterOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.TaskAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.TaskAttempts - 1,
                Delay = options.RetryBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            });
        }

        return builder.Build();
    }
}
