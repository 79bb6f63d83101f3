using ClaudBot.Hosting;
using ClaudBot.Targets;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Bot.Tests.Targets;

/// <summary>
/// The local target reaches the node's API at the first URL of <c>Dashboard:Url</c>, which may be a
/// <c>;</c>-separated list (the dashboard listens on all of them). Nothing is started: only the address is asked.
/// </summary>
public sealed class NodeApiAddressTests : IDisposable
{
    private readonly TempDirectory _folder = new("claudbot-nodeapi-");
    private IHost? _host;

    [Theory]
    [InlineData("http://127.0.0.1:3000;http://127.0.0.1:3001", "http://127.0.0.1:3000/")]
    [InlineData(" http://localhost:3005 ; http://[::1]:3005 ", "http://localhost:3005/")]
    [InlineData("http://127.0.0.1:3000", "http://127.0.0.1:3000/")]
    [InlineData("http://0.0.0.0:3002;http://127.0.0.1:3003", "http://127.0.0.1:3002/")]
    [InlineData("http://*:3004", "http://127.0.0.1:3004/")]
    [InlineData("http://[::]:3006", "http://127.0.0.1:3006/")]
    public async Task TheLocalTarget_ReachesTheFirstUrlOfTheList(string dashboardUrl, string expected)
    {
        Assert.Equal(new Uri(expected), await LocalTarget(dashboardUrl).NodeApiAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(";")]
    [InlineData("127.0.0.1:3000")]
    [InlineData("ftp://127.0.0.1:3000;http://127.0.0.1:3001")]
    public async Task AnUnusableUrl_IsOneLineNamingTheSetting(string dashboardUrl)
    {
        var error = await Assert.ThrowsAsync<ClusterTargetException>(() => LocalTarget(dashboardUrl).NodeApiAsync(CancellationToken.None));

        Assert.Equal($"Dashboard:Url '{dashboardUrl}' names no http:// or https:// URL to reach the node's API (e.g. http://127.0.0.1:3000).", error.Message);
    }

    public void Dispose()
    {
        _host?.Dispose();
        _folder.Dispose();
    }

    // The client composition as 'claudbot chat' builds it, not started.
    private IClusterTarget LocalTarget(string dashboardUrl)
    {
        var builder = ClaudBotHost.CreateBuilder(IsolatedBotSettings.In(_folder, new Dictionary<string, string?> { ["Dashboard:Url"] = dashboardUrl }));
        builder.Services.AddBot();
        _host = builder.Build();
        return _host.Services.GetRequiredService<IClusterTarget>();
    }
}
