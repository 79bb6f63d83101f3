using ClaudBot.Engine.Simulation;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>Costs, slippage, size and whole shares said in chat, on the shipped catalogue: the execution slot holds what was said.</summary>
public sealed class ExecutionPhraseTests
{
    private static readonly DateOnly Today = ShippedMatcher.Today;

    public static TheoryData<string, ExecutionPhrase> Phrases => new()
    {
        { "backtest rsi on TCS 2022-2024 with zerodha delivery charges", new ExecutionPhrase("zerodha-delivery", null, null, null) },
        { "backtest rsi on TCS 2022-2024 with zerodha intraday costs", new ExecutionPhrase("zerodha-intraday", null, null, null) },
        { "backtest rsi on TCS 2022-2024 at 5 bps", new ExecutionPhrase("bps:5", null, null, null) },
        { "backtest rsi on TCS 2022-2024 with 10 bps slippage", new ExecutionPhrase(null, 10, null, null) },
        { "backtest rsi on TCS 2022-2024 size 10%", new ExecutionPhrase(null, null, "pct:10", null) },
        { "backtest rsi on TCS 2022-2024 with 50000 rupees per trade", new ExecutionPhrase(null, null, "amount:50000", null) },
        { "backtest rsi on TCS 2022-2024 with zerodha delivery charges, 10 bps slippage and size 10% whole shares", new ExecutionPhrase("zerodha-delivery", 10, "pct:10", true) },
        { "submit cluster job macd on INFY last 2 years using costs my-broker", new ExecutionPhrase("my-broker", null, null, null) },
        { "backtest macd on INFY at 2.5 bps with fractional shares", new ExecutionPhrase("bps:2.5", null, null, false) },
        { "backtest rsi on TCS 2022-2024 with a 5% stop", new ExecutionPhrase(null, null, null, null) { Exits = new ExitRules(Stop: 0.05) } },
        { "backtest rsi on TCS 2022-2024 with zerodha delivery charges, stop loss at 4% and a 12% target", new ExecutionPhrase("zerodha-delivery", null, null, null) { Exits = new ExitRules(Stop: 0.04, Target: 0.12) } },
        { "backtest sma_cross on TCS 2022-2024 with an 8% trailing stop", new ExecutionPhrase(null, null, null, null) { Exits = new ExitRules(Trail: 0.08) } },
        { "backtest rsi on TCS 2022-2024 size 10% per trade, take profit 15%", new ExecutionPhrase(null, null, "pct:10", null) { Exits = new ExitRules(Target: 0.15) } },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void ExecutionSaid_FillsTheSlot_AndLeavesTheRestAsBefore(string phrase, ExecutionPhrase expected)
    {
        var match = ShippedMatcher.Instance.Match(phrase, Today);

        Assert.Equal("submit_cluster_job", match.Intent);
        Assert.True(match.IsActionable, match.Error);
        Assert.Equal(expected, match.Slots["execution"].Execution);
        Assert.Single(match.Slots["symbols"].Symbols!);
    }

    [Fact]
    public void NothingSaid_LeavesTheSlotEmpty()
    {
        var match = ShippedMatcher.Instance.Match("backtest rsi on TCS 2022-2024", Today);

        Assert.True(match.IsActionable);
        Assert.False(match.Slots.ContainsKey("execution"));
        Assert.Equal(new DateOnly(2022, 1, 1), match.Slots["period"].Period!.Value.From);
    }

    [Theory]
    [InlineData("at 5 bps and 6 bps", "costs given twice: say it once")]
    [InlineData("size 10% and size 20%", "size given twice: say it once")]
    [InlineData("a 5% stop and stop loss 6%", "stop given twice: say it once")]
    [InlineData("with a 150% stop", "A stop of 150% is out of range: it must be above 0% and below 100%")]
    [InlineData("with lots of luck", "'with lots of luck' is not an execution phrase (try 'with zerodha delivery charges', 'at 5 bps', 'with 10 bps slippage', 'size 10%')")]
    public void BadPhrase_IsRefusedWithAReason(string text, string reason)
    {
        Assert.False(ExecutionSlot.TryParse(text, out _, out string? error));
        Assert.Equal(reason, error);
    }
}
