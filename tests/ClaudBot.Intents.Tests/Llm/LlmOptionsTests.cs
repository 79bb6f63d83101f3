using System.ComponentModel.DataAnnotations;
using ClaudBot.Intents.Llm;

namespace ClaudBot.Intents.Tests.Llm;

public sealed class LlmOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://127.0.0.1:11434/v1")]
    [InlineData("https://llm.example.internal/v1/")]
    public void Validate_NoEndpointOrAnHttpBaseAddress_IsValid(string? endpoint)
    {
        Assert.Empty(Validate(new LlmOptions { Endpoint = endpoint }));
    }

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("/v1")]
    [InlineData("ftp://127.0.0.1/v1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://127.0.0.1:11434/v1/chat/completions")]
    public void Validate_AnythingElse_IsRefusedOnTheEndpoint(string endpoint)
    {
        var result = Assert.Single(Validate(new LlmOptions { Endpoint = endpoint }));
        Assert.Equal([nameof(LlmOptions.Endpoint)], result.MemberNames);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(600_000)]
    public void Validate_TimeoutOutOfRange_IsRefused(int milliseconds)
    {
        var result = Assert.Single(Validate(new LlmOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) }));
        Assert.Equal([nameof(LlmOptions.Timeout)], result.MemberNames);
    }

    [Fact]
    public void Defaults_AreOffWithLlama31AndTenSeconds()
    {
        var options = new LlmOptions();

        Assert.False(options.IsEnabled);
        Assert.Equal("llama3.1", options.Model);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Null(options.ApiKey);
    }

    [Fact]
    public void ToString_SaysWhetherAKeyIsSetButNotTheKey()
    {
        var options = new LlmOptions { Endpoint = "http://127.0.0.1:11434/v1", ApiKey = "sk-secret-123" };

        Assert.Equal("Endpoint=http://127.0.0.1:11434/v1, Model=llama3.1, Timeout=00:00:10, ApiKey=set", options.ToString());
    }

    private static List<ValidationResult> Validate(LlmOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
