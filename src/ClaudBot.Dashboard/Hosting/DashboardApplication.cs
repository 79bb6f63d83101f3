using ClaudBot.Cluster;
using ClaudBot.Cluster.Platform;
using ClaudBot.Dashboard.Api;
using ClaudBot.Dashboard.Live;
using ClaudBot.Dashboard.Security;
using ClaudBot.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Hosting;

/// <summary>Builds the dashboard's web application from the node's services.</summary>
internal static class DashboardApplication
{
    public static WebApplication Build(IServiceProvider node, DashboardOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(DashboardApplication).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.WebHost.UseUrls(options.Url);

        // The node's logging and cluster services, shared rather than rebuilt (instances: not disposed here).
        builder.Logging.ClearProviders();
        // Redacting: ASP.NET Core logs request URLs, and a client may put a token in the query.
        builder.Services.AddSingleton<ILoggerFactory>(new Logging.RedactingLoggerFactory(node.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(node.GetRequiredService<ClusterClient>());
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Cluster.Schedules.ScheduleBook>());
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Cluster.Boxes.BoxDrains>());
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Cluster.Metrics.ClusterMetrics>()); // the driver's counts
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Cluster.WalkForward.WalkForwardReports>()); // one writer of reports with the driver
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Cluster.Portfolio.PortfolioJobReports>());
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Backtesting.BacktestService>());
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.Backtesting.PortfolioRunner>());
        builder.Services.AddSingleton(node.GetRequiredService<ClaudBot.MarketData.IMarketData>());
        builder.Services.AddSingleton(node.GetRequiredService<RedisConnection>());
        builder.Services.AddSingleton(node.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton(node.GetRequiredService<IOptions<ClusterOptions>>());
        builder.Services.AddSingleton(node.GetRequiredService<IOptions<ClaudBot.Backtesting.BacktestOptions>>()); // the grid cap a job's strategies meet
        builder.Services.AddSingleton(Options.Create(options));

        builder.Services.AddClaudBotDashboardApi();
        var app = builder.Build();
        app.MapClaudBotDashboard();
        return app;
    }

    /// <summary>The services the endpoints use: JSON, problem details, OpenAPI, the live hub.</summary>
    public static IServiceCollection AddClaudBotDashboardApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => DashboardJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<DashboardExceptionHandler>();
        services.AddLoginRateLimit();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ClaudBot dashboard API";
            document.Info.Description = "Jobs, results, the cluster and its health; strategies (rules or built-in lists) checked before a job is submitted. Live events: WebSocket at /ws.";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // The generator names a "$type" discriminator for derived types, but the check's answers carry none: their
            // "valid" tells them apart, as the schema's description says.
            if (context.JsonTypeInfo.Type == typeof(StrategyCheck))
            {
                schema.Discriminator = null;
            }

            return Task.CompletedTask;
        }));
        services.TryAddSingleton(_ => SystemLoad.ForThisPlatform());
        services.AddSingleton<ClusterViews>();
        services.AddSingleton<Metrics.PrometheusExposition>();
        services.AddSingleton<LiveHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveHub>());
        return services;
    }

    /// <summary>
    /// The middleware and endpoints: security headers, errors, the loopback Host check, the body limit, token
    /// check, the login rate limit, WebSockets, API, OpenAPI, health, metrics.
    /// </summary>
    public static WebApplication MapClaudBotDashboard(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>(); // first: its headers go on every answer, errors and refusals included
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<LoopbackHostFilter>();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseMiddleware<TokenMiddleware>();
        app.UseRateLimiter();
        app.UseDefaultFiles(); // the pages: wwwroot next to the assembly (index.html at /)
        app.UseStaticFiles();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/openapi", () => Results.Redirect("/openapi/v1.json")).ExcludeFromDescription();
        app.MapHealth();
        app.MapLogin();
        app.MapJobs();
        app.MapSchedules();
        app.MapStrategies();
        app.MapEquity();
        app.MapWalkForward();
        app.MapPortfolio();
        app.MapCluster();
        app.MapData();
        app.MapMetrics();
        app.Map("/ws", LiveSocket.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
