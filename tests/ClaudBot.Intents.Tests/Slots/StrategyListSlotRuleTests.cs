using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Slots;

/// <summary>The strategies slot holding a written rule, or the name of a saved one.</summary>
public sealed class StrategyListSlotRuleTests
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["buy and hold"] = "buy_hold", ["relative strength"] = "rsi" };

    [Fact]
    public void ARule_IsReadAsTyped_AndCarriesItsCanonicalTextAndTemplate()
    {
        var slot = new StrategyListSlot(Aliases);

        var reading = slot.Read("  BUY WHEN close IS BELOW sma(20) AND rsi(2) < 10 then sell when close crossed above sma(20) ");

        Assert.Null(reading.Error);
        Assert.Equal("buy when close < sma(20) and rsi(2) < 10, sell when close crosses above sma(20)", reading.Canonical);
        Assert.Equal(reading.Canonical, Assert.Single(reading.Strategies).ToString());
        Assert.Equal(reading.Canonical, reading.Rule!.Text);
        Assert.Null(reading.SavedName);
    }

    [Fact]
    public void AGridRule_KeepsItsGridsInTheCanonicalText_AndExpandsToEveryCombination()
    {
        var reading = new StrategyListSlot(Aliases).Read("buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70");

        Assert.Equal("buy when rsi(2|4|6) < 5|10, sell when rsi(2) > 70", reading.Canonical);
        Assert.Equal(6, reading.Strategies.Count);
        Assert.Equal("buy when rsi(6) < 10, sell when rsi(2) > 70", reading.Strategies[5].ToString());
    }

    [Fact]
    public void ARuleWithAnError_GivesTheParsersMessageAndCaret_ShowingTheTextAsTyped()
    {
        var reading = new StrategyListSlot(Aliases).Read("Buy When SMAA(2) < 10, sell when rsi(2) > 70");

        Assert.Equal("unknown indicator 'smaa' at column 10: did you mean sma?", reading.Error);
        Assert.Equal("Buy When SMAA(2) < 10, sell when rsi(2)...\n         ^", reading.Caret);
        Assert.Empty(reading.Strategies);
        Assert.Null(reading.Rule);
    }

    [Fact]
    public void AListOfBuiltIns_IsReadAsBefore_WithNoRuleAndNoCaret()
    {
        var reading = new StrategyListSlot(Aliases).Read("relative strength and macd");

        Assert.Null(reading.Error);
        Assert.Equal("rsi,macd", reading.Canonical);
        Assert.Null(reading.Rule);
        Assert.Null(reading.Caret);
    }

    [Fact]
    public void ASavedName_IsReadAsItsRule_NamingIt()
    {
        var saved = new InMemorySavedRules();
        saved.Save("rsi2", "buy when rsi(2) < 10, sell when rsi(2) > 70");

        var reading = new StrategyListSlot(Aliases, saved).Read("RSI2");

        Assert.Null(reading.Error);
        Assert.Equal("buy when rsi(2) < 10, sell when rsi(2) > 70", reading.Canonical);
        Assert.Equal("rsi2", reading.SavedName);
    }

    [Fact]
    public void ANameSavedAfterAFailedLookup_IsThenFound_AndARemovedOneIsNoLongerServedFromTheCache()
    {
        var saved = new InMemorySavedRules();
        var slot = new StrategyListSlot(Aliases, saved);

        Assert.Equal("Unknown strategy 'trend2'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.", slot.Read("trend2").Error);
        saved.Save("trend2", "hold while sma(50) > sma(200)");
        Assert.Equal("hold while sma(50) > sma(200)", slot.Read("trend2").Canonical);
        saved.Save("trend2", "hold while sma(20) > sma(100)");
        Assert.Equal("hold while sma(20) > sma(100)", slot.Read("trend2").Canonical);
        saved.Remove("trend2");
        Assert.Equal("Unknown strategy 'trend2'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.", slot.Read("trend2").Error);
    }

    [Fact]
    public void BuiltInNamesAndTextsThatCannotBeNames_NeverAskTheStore()
    {
        var saved = new InMemorySavedRules();
        var slot = new StrategyListSlot(Aliases, saved);

        slot.Read("rsi");
        slot.Read("rsi(period=10)");
        slot.Read("rsi,macd");
        slot.Read("hold while close > 1");

        Assert.Equal(0, saved.Lookups);
    }

    [Fact]
    public void ASavedRuleThatNoLongerParses_SaysWhichNameAndWhere()
    {
        var saved = new InMemorySavedRules();
        saved.Save("broken", "hold while clsoe > 1");

        var reading = new StrategyListSlot(Aliases, saved).Read("broken");

        Assert.Equal("The rule saved as broken does not parse: unknown name 'clsoe' at column 12: did you mean close?", reading.Error);
        Assert.Equal("hold while clsoe > 1\n           ^", reading.Caret);
    }
}
