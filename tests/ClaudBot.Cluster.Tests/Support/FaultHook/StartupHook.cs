using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ClaudBot.Cluster.Tests.Support.FaultHook;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Loaded into a real <c>claudbot-node</c> through <c>DOTNET_STARTUP_HOOKS</c> (this test assembly sits beside it), it
/// adds <see cref="FaultingService"/> to the node's host when the host is built (the hosting library announces that
/// on its "Microsoft.Extensions.Hosting" diagnostic listener, as WebApplicationFactory uses it). The node's own
/// services are built to outlive every error, so a service that ends by itself has to be brought in from outside;
/// the program under test is the shipped one, unchanged.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime finds a startup hook as the type StartupHook in no namespace.")]
internal static class StartupHook
{
    public static void Initialize() =>
        DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    // A HostApplicationBuilder announces itself as an IHostBuilder whose changes it applies next.
                    if (e.Key == "HostBuilding" && e.Value is IHostBuilder builder)
                    {
                        builder.ConfigureServices(services => services.AddHostedService<FaultingService>());
                    }
                }));
            }
        }));
}
