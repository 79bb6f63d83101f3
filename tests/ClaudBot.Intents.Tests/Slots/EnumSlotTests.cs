using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class EnumSlotTests
{
    private static readonly string[] Roles = ["worker", "driver", "node", "all"];

    [Theory]
    [InlineData("worker", "worker")]
    [InlineData("WORKER", "worker")]
    [InlineData(" node ", "node")]
    [InlineData("workers", "worker")]
    [InlineData("Drivers", "driver")]
    [InlineData("nodes", "node")]
    [InlineData("work", "worker")]
    [InlineData("wor", "worker")]
    [InlineData("dri", "driver")]
    [InlineData("all", "all")]
    public void TryParse_ExactPluralOrUniquePrefix_IsTheValue(string text, string expected)
    {
        Assert.True(EnumSlot.TryParse(text, Roles, out string value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("w")]
    [InlineData("wo")]
    [InlineData("al")]
    [InlineData("drv")]
    [InlineData("workerz")]
    [InlineData("workerss")]
    [InlineData("xworker")]
    [InlineData("node; rm -rf /")]
    [InlineData("$(node)")]
    public void TryParse_NoMatch_IsRefused(string text)
    {
        Assert.False(EnumSlot.TryParse(text, Roles, out string value));
        Assert.Equal(string.Empty, value);
    }

    [Theory]
    [InlineData("sta")]
    [InlineData("stat")]
    public void TryParse_PrefixOfSeveralValues_IsRefused(string text)
    {
        Assert.False(EnumSlot.TryParse(text, ["status", "stats", "start"], out string value));
        Assert.Equal(string.Empty, value);
    }

    [Theory]
    [InlineData("run", "run")]
    [InlineData("runs", "run")]
    [InlineData("runn", "running")]
    [InlineData("stats", "stats")]
    [InlineData("statu", "status")]
    [InlineData("batches", "batch")]
    [InlineData("workers", "Worker")]
    public void TryParse_ExactBeatsPluralBeatsPrefix_KeepsCatalogueSpelling(string text, string expected)
    {
        Assert.True(EnumSlot.TryParse(text, ["run", "running", "status", "stats", "batch", "Worker"], out string value));
        Assert.Equal(expected, value);
    }
}
