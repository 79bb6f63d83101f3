using ClaudBot.Backtesting;
using Microsoft.Extensions.Options;

namespace ClaudBot.Telegram.Tests;

/// <summary>Telegram:TokenFile: the service on the server reads its token from a file, never from its unit or command line.</summary>
public sealed class TelegramTokenFileTests
{
    private const string Secret = "987654:file-token_value";

    [Fact]
    public void TheTokenFile_IsRead_WhenNoTokenIsSet_TrimmingTheNewline()
    {
        using var folder = new Testing.TempDirectory("claudbot-token-");
        string file = folder.Combine("telegram-token");
        File.WriteAllText(file, Secret + "\n");

        var options = TelegramOptionsTests.Bind(new() { ["Telegram:Token"] = string.Empty, ["Telegram:TokenFile"] = file });

        Assert.Equal(Secret, options.Token);
    }

    [Fact]
    public void ATokenSetting_WinsOverTheTokenFile()
    {
        using var folder = new Testing.TempDirectory("claudbot-token-");
        string file = folder.Combine("telegram-token");
        File.WriteAllText(file, Secret);

        var options = TelegramOptionsTests.Bind(new() { ["Telegram:Token"] = "1:setting", ["Telegram:TokenFile"] = file });

        Assert.Equal("1:setting", options.Token);
    }

    [Fact]
    public void AMissingTokenFile_FailsValidation_NamingTheFile()
    {
        using var folder = new Testing.TempDirectory("claudbot-token-");
        string file = folder.Combine("absent");

        var error = Assert.Throws<OptionsValidationException>(() => TelegramOptionsTests.Bind(new() { ["Telegram:Token"] = string.Empty, ["Telegram:TokenFile"] = file }));

        Assert.Equal(
            $"Configuration is invalid: Telegram:TokenFile {file} could not be read or is empty: run 'claudbot setup --telegram' again, or put the token from @BotFather in it (mode 600).",
            InputErrors.Describe(error));
    }
}
