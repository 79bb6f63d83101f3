using ClaudBot.Intents.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>AddIntents registers the fallback (off without an endpoint) and the resolver, and validates the settings.</summary>
public sealed class AddIntentsLlmTests
{
    [Fact]
    public void WithoutLlmSettings_TheResolverIsThereAndTheFallbackIsOff()
    {
        using var services = Build([]);

        Assert.NotNull(services.GetRequiredService<IntentResolver>());
        Assert.False(services.GetRequiredService<LlmIntentFallback>().IsEnabled);
    }

    [Fact]
    public void WithAnEndpoint_TheFallbackIsOnWithTheConfiguredSettings()
    {
        using var services = Build(new()
        {
            ["Intents:Llm:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Intents:Llm:Model"] = "qwen2.5:7b",
            ["Intents:Llm:ApiKey"] = "sk-from-config",
            ["Intents:Llm:Timeout"] = "00:00:04",
        });

        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        Assert.Equal(("qwen2.5:7b", "sk-from-config", TimeSpan.FromSeconds(4)), (options.Model, options.ApiKey, options.Timeout));
        Assert.True(services.GetRequiredService<LlmIntentFallback>().IsEnabled);
    }

    [Fact]
    public void WithABadEndpoint_ResolvingFailsWithAValidationErrorThatDoesNotShowTheKey()
    {
        using var services = Build(new() { ["Intents:Llm:Endpoint"] = "127.0.0.1:11434", ["Intents:Llm:ApiKey"] = "sk-from-config" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<LlmIntentFallback>());
        Assert.Contains("not an absolute http(s) address", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-from-config", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Intents:CatalogFile"] = RepoFiles.Catalog;
        settings["MarketData:Directory"] = RepoFiles.Data;
        settings["MarketData:UseCache"] = "false";
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddIntents();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
