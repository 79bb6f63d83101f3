using ClaudBot.Backtesting.Costs;
using ClaudBot.Engine.Simulation;
using ClaudBot.Testing;

namespace ClaudBot.Backtesting.Tests;

public sealed class CostModelsTests : IDisposable
{
    private const double Tolerance = 1e-15;

    private static readonly string Bundled = Path.Combine(AppContext.BaseDirectory, "costs");

    private readonly TempDirectory _user = new();

    public void Dispose() => _user.Dispose();

    private CostModels Models => new(Bundled, _user.Path);

    [Fact]
    public void ZerodhaDelivery_HasTheIssueSchedule_AsFractions()
    {
        var model = Models.Resolve("zerodha-delivery");

        Assert.Equal("zerodha-delivery", model.Name);
        Assert.Equal(0, model.BrokeragePercent);
        Assert.Equal(0, model.BrokerageFlat);
        Assert.Equal(0.001, model.SttBuy, Tolerance);
        Assert.Equal(0.001, model.SttSell, Tolerance);
        Assert.Equal(0.0000297, model.Exchange, Tolerance);
        Assert.Equal(10, model.SebiPerCrore);
        Assert.Equal(0.00015, model.StampBuy, Tolerance);
        Assert.Equal(0.18, model.Gst, Tolerance);
        Assert.Equal(15.93, model.DpPerSell);
        Assert.True(model.WholeSharesByDefault);
        Assert.Equal(new DateOnly(2026, 12, 1), model.EffectiveDate);
        Assert.Contains("issue #13, 2026-12", model.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ZerodhaIntraday_HasTheIssueSchedule_AsFractions()
    {
        var model = Models.Resolve("Zerodha-Intraday ");

        Assert.Equal("zerodha-intraday", model.Name);
        Assert.Equal(0.0003, model.BrokeragePercent, Tolerance);
        Assert.Equal(20, model.BrokerageFlat);
        Assert.Equal(0, model.SttBuy);
        Assert.Equal(0.00025, model.SttSell, Tolerance);
        Assert.Equal(0.0000297, model.Exchange, Tolerance);
        Assert.Equal(10, model.SebiPerCrore);
        Assert.Equal(0.00003, model.StampBuy, Tolerance);
        Assert.Equal(0.18, model.Gst, Tolerance);
        Assert.Equal(0, model.DpPerSell);
        Assert.True(model.WholeSharesByDefault);
    }

    [Fact]
    public void Bps_IsBuiltIn_AndTodaysModel()
    {
        Assert.Equal(CostModel.Bps(12.5), Models.Resolve("bps:12.5"));
        Assert.True(CostModels.IsBps(Models.Resolve("bps:0")));
        Assert.False(CostModels.IsBps(Models.Resolve("zerodha-delivery")));
    }

    [Theory]
    [InlineData("bps:10000")]
    [InlineData("bps:-1")]
    [InlineData("bps:ten")]
    public void BadBps_IsRefusedWithTheForm(string name)
    {
        var error = Assert.Throws<CostModelException>(() => Models.Resolve(name));

        Assert.Equal($"'{name}' is not a cost model: write bps:N with N at least 0 and below 10000, e.g. bps:10.", error.Message);
    }

    [Fact]
    public void MisspelledName_SuggestsTheNearestAndListsTheKnown()
    {
        var error = Assert.Throws<CostModelException>(() => Models.Resolve("zerodha-delvery"));

        Assert.Equal("unknown cost model 'zerodha-delvery': did you mean zerodha-delivery? Known: bps:N, zerodha-delivery, zerodha-intraday", error.Message);
    }

    [Fact]
    public void UnrelatedName_ListsTheKnownWithoutASuggestion()
    {
        var error = Assert.Throws<CostModelException>(() => Models.Resolve("upstox"));

        Assert.Equal("unknown cost model 'upstox'. Known: bps:N, zerodha-delivery, zerodha-intraday", error.Message);
    }

    [Fact]
    public void UserCopy_OverridesTheBundledModelOfTheSameName()
    {
        string text = File.ReadAllText(Path.Combine(Bundled, "zerodha-delivery.yaml")).Replace("dp_rupees_per_sell: 15.93", "dp_rupees_per_sell: 20", StringComparison.Ordinal);
        _user.Write("zerodha-delivery.yaml", text);

        Assert.Equal(20, Models.Resolve("zerodha-delivery").DpPerSell);
        Assert.Equal(15.93, new CostModels(Bundled, null).Resolve("zerodha-delivery").DpPerSell);
        Assert.Equal(_user.Combine("zerodha-delivery.yaml"), Models.List().Single(e => e.Name == "zerodha-delivery").Path);
    }

    [Fact]
    public void UserModel_OfANewName_IsKnownAndListed()
    {
        _user.Write("flat.yaml", Valid("flat"));

        Assert.Equal(["flat", "zerodha-delivery", "zerodha-intraday"], Models.FileNames);
        var model = Models.Resolve("flat");
        Assert.Equal(0.0005, model.BrokeragePercent, Tolerance);
        Assert.False(model.WholeSharesByDefault);
    }

    [Fact]
    public void MissingField_IsNamed()
    {
        _user.Write("broken.yaml", Valid("broken").Replace("gst_percent: 18\n", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<CostModelException>(() => Models.Resolve("broken"));

        Assert.Equal("broken.yaml: 'gst_percent' is missing; every component is stated, 0 where there is no such charge.", error.Message);
    }

    [Fact]
    public void UnknownField_IsNamedWithItsLine()
    {
        _user.Write("broken.yaml", Valid("broken") + "stt_percent: 0.1\n");

        var error = Assert.Throws<CostModelException>(() => Models.Resolve("broken"));

        Assert.StartsWith("broken.yaml line 16: unknown field 'stt_percent'; known: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateOfAHundredPercent_IsRefused()
    {
        _user.Write("broken.yaml", Valid("broken").Replace("stt_sell_percent: 0", "stt_sell_percent: 100", StringComparison.Ordinal));

        var error = Assert.Throws<CostModelException>(() => Models.Resolve("broken"));

        Assert.Equal("broken.yaml line 8: 'stt_sell_percent' is 100; it must be at least 0 and below 100.", error.Message);
    }

    [Fact]
    public void NotANumber_IsQuoted()
    {
        _user.Write("broken.yaml", Valid("broken").Replace("exchange_percent: 0", "exchange_percent: lots", StringComparison.Ordinal));

        var error = Assert.Throws<CostModelException>(() => Models.Resolve("broken"));

        Assert.Equal("broken.yaml line 9: 'exchange_percent' is 'lots', not a number.", error.Message);
    }

    [Fact]
    public void NameThatDisagreesWithTheFile_IsRefused()
    {
        _user.Write("mine.yaml", Valid("other"));

        var error = Assert.Throws<CostModelException>(() => Models.Resolve("mine"));

        Assert.Equal("mine.yaml line 1: 'name' is 'other' but the file name says 'mine': a model is named by its file.", error.Message);
    }

    [Fact]
    public void List_ShowsABrokenFileWithItsError()
    {
        _user.Write("broken.yaml", "name: [");

        var entry = Models.List().Single(e => e.Name == "broken");

        Assert.Null(entry.Model);
        Assert.StartsWith("broken.yaml line 2: not valid YAML", entry.Error, StringComparison.Ordinal);
    }

    // Line numbers in the tests above count from this text: name is line 1, stt_sell_percent line 8, exchange_percent line 9.
    private static string Valid(string name) => $"""
        name: {name}
        effective_date: 2026-12-01
        source: a test
        whole_shares: false
        brokerage_percent: 0.05
        brokerage_max_rupees: 1000000
        stt_buy_percent: 0
        stt_sell_percent: 0
        exchange_percent: 0
        sebi_rupees_per_crore: 0
        stamp_buy_percent: 0
        gst_percent: 18
        dp_rupees_per_sell: 0
        description: flat 5 bps
        # line 15

        """;
}
