using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Tests.Platform;

/// <summary>Builds a composition and resolves every service it registers, as the program would over its life.</summary>
internal static class ServiceResolution
{
    /// <summary>The built host and the closed service types it registers, each resolved once (a throw fails the test).</summary>
    public static (IHost Host, IReadOnlyList<Type> Resolved) BuildAndResolveAll(HostApplicationBuilder builder)
    {
        var types = builder.Services
            .Select(d => d.ServiceType)
            .Where(t => !t.ContainsGenericParameters)
            .Distinct()
            .ToList();
        var host = builder.Build();
        foreach (var type in types)
        {
            _ = host.Services.GetServices(type).ToList();
        }

        return (host, types);
    }
}
