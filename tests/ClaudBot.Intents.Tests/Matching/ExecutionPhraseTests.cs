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
    [InlineData("with lots of luck", "'with lots of luck' is not an execution phrase (try 'with zerodha delivery charges', 'at 5 bps', 'with 10 bps slippage', 'size 10%')")]
    public void BadPhrase_IsRefusedWithAReason(string text, string reason)
    {
        Assert.False(ExecutionSlot.TryParse(text, out _, out string? error));
        Assert.Equal(reason, error);
    }
}
