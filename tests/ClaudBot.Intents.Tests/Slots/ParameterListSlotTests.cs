using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

public sealed class ParameterListSlotTests
{
    [Theory]
    [InlineData("period 10", "period=10")]
    [InlineData("Period=10", "period=10")]
    [InlineData("period: 10", "period=10")]
    [InlineData("period of 10", "period=10")]
    [InlineData("fast 20 and slow 100", "fast=20;slow=100")]
    [InlineData("lower=25, upper 75", "lower=25;upper=75")]
    [InlineData("stop 5%", "stop=5%")]
    [InlineData("period 7..21 step 7", "period=7..21 step 7")]
    [InlineData("k 1.5|2|2.5", "k=1.5|2|2.5")]
    [InlineData("threshold -0.05", "threshold=-0.05")]
    public void TryParse_SettingsInWordsOrAsNameValue_AreReadInOrder(string text, string expected)
    {
        Assert.True(ParameterListSlot.TryParse(text, out var settings, out string? error), error);
        Assert.Null(error);
        Assert.Equal(expected, string.Join(';', settings.Select(s => $"{s.Name}={s.Value}")));
    }

    [Theory]
    [InlineData("perod 10", "No strategy has a parameter 'perod' (parameters: period, lower, upper, fast, slow, signal, lookback, threshold, k, stop, target, trail)")]
    [InlineData("period 1", "period 1: period must be between 2 and 1000, not 1")]
    [InlineData("period 10 and period 12", "period is given twice")]
    [InlineData("period ten", "'period ten' is not a parameter setting (try 'period 10', 'fast 20 and slow 100', 'stop 5%')")]
    [InlineData("macd", "'macd' is not a parameter setting (try 'period 10', 'fast 20 and slow 100', 'stop 5%')")]
    [InlineData("stop 150%", "stop 150%: A stop of 150% is out of range: it must be above 0% and below 100%")]
    public void TryParse_AnUnknownNameOrAValueNoStrategyTakes_IsRefusedSayingWhy(string text, string expected)
    {
        Assert.False(ParameterListSlot.TryParse(text, out var settings, out string? error));
        Assert.Empty(settings);
        Assert.Equal(expected, error);
    }
}
