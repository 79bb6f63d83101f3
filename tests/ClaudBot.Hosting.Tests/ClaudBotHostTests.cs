using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ClaudBot.Hosting.Tests;

public sealed class ClaudBotHostTests
{
    [Fact]
    public void Overrides_WinOverEnvironmentVariables()
    {
        Environment.SetEnvironmentVariable("CLAUDBOT_Test__Value", "from-environment");
        try
        {
            var fromEnvironment = ClaudBotHost.CreateBuilder().Configuration["Test:Value"];
            var overridden = ClaudBotHost.CreateBuilder(new Dictionary<string, string?> { ["Test:Value"] = "from-flag" }).Configuration["Test:Value"];

            Assert.Equal("from-environment", fromEnvironment);
            Assert.Equal("from-flag", overridden);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLAUDBOT_Test__Value", null);
        }
    }

    [Fact]
    public void Logs_GoToStandardError()
    {
        using var host = ClaudBotHost.CreateBuilder().Build();

        var options = host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Trace, options.LogToStandardErrorThreshold);
    }
}
