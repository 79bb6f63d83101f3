using ClaudBot.Commands;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Tests;

/// <summary>What <c>setup --telegram</c> reads from its flags and the client's settings, and the one-line refusals.</summary>
public sealed class TelegramSetupArgumentsTests
{
    private const string Token = "123456:abc_DEF-ghi";

    [Theory]
    [InlineData("42", 42L, "Operator")]
    [InlineData("42:viewer", 42L, "Viewer")]
    [InlineData("7:OPERATOR", 7L, "Operator")]
    public void AUserFlag_IsAnIdWithAnOptionalRole_OperatorByDefault(string argument, long id, string role) =>
        Assert.Equal(new Ssh.Setup.Telegram.BotUser(id, role), TelegramSetupArguments.Parse(argument));

    [Theory]
    [InlineData("alice")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("42:admin")]
    [InlineData("42:1")]
    public void ABadUserFlag_IsRefused(string argument) => Assert.Null(TelegramSetupArguments.Parse(argument));

    [Fact]
    public void WithoutUserFlags_TheClientsTelegramUsersAndApiAddressAreTaken_AndTheTokenFileIsRead()
    {
        using var folder = new Testing.TempDirectory("claudbot-telegram-setup-");
        string tokenFile = folder.Combine("token");
        File.WriteAllText(tokenFile, Token + "\n");
        var client = Settings(new()
        {
            ["Telegram:Users:0:Id"] = "11",
            ["Telegram:Users:0:Role"] = "Viewer",
            ["Telegram:Users:1:Id"] = "12",
            ["Telegram:Users:1:Role"] = "Operator",
            ["Telegram:ApiBaseUrl"] = "http://10.0.0.1:8081",
        });

        var (options, error) = TelegramSetupArguments.Read(client, [], tokenFile, remove: false, clientDirectory: null, () => throw new InvalidOperationException("not asked"));

        Assert.Null(error);
        Assert.Equal([new(11, "Viewer"), new(12, "Operator")], options!.Users);
        Assert.Equal(("http://10.0.0.1:8081", Token), (options.ApiBaseUrl, options.Token));
    }

    [Fact]
    public void NoUsersAnywhere_IsRefused_SayingHowToAllowOne()
    {
        var (options, error) = TelegramSetupArguments.Read(Settings([]), [], null, remove: false, clientDirectory: null, () => Token);

        Assert.Null(options);
        Assert.Equal("Nobody could use the bot: pass --telegram-user ID (your numeric Telegram id, from @userinfobot), or list Telegram:Users in your settings.", error);
    }

    [Fact]
    public void AMalformedToken_IsRefused_WithoutRepeatingIt()
    {
        const string pasted = "not-a-token secret";
        var (options, error) = TelegramSetupArguments.Read(Settings([]), ["42"], null, remove: false, clientDirectory: null, () => pasted);

        Assert.Null(options);
        Assert.Equal("the token typed does not look like a bot token from @BotFather (digits, a colon, then letters, digits, '-' or '_').", error);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_NeedsNoTokenNorUsers()
    {
        var (options, error) = TelegramSetupArguments.Read(Settings([]), [], null, remove: true, clientDirectory: null, () => throw new InvalidOperationException("not asked"));

        Assert.Null(error);
        Assert.True(options!.Remove);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
