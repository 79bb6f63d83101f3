using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>Charges per fill worked out by hand from the published components (tolerance 1e-9 rupees).</summary>
public sealed class FillChargesTests
{
    [Fact]
    public void Intraday_Buy50000_PaysRs15Brokerage_UnderTheCap()
    {
        // Brokerage 0.03% = 15; exchange 1.485; SEBI 0.05; stamp 1.5; GST 18% of (15 + 1.485 + 0.05) = 2.9763.
        var charges = new FillCharges(TestCosts.ZerodhaIntraday);

        Assert.Equal(21.0113, charges.Buy(50_000), 9);
    }

    [Fact]
    public void Intraday_Buy100000_PaysTheRs20Cap_Not0Point03Percent()
    {
        // Brokerage min(20, 30) = 20; exchange 2.97; SEBI 0.1; stamp 3; GST 18% of 23.07 = 4.1526.
        var charges = new FillCharges(TestCosts.ZerodhaIntraday);

        Assert.Equal(30.2226, charges.Buy(100_000), 9);
    }

    [Fact]
    public void Intraday_Sell100000_PaysSttOnTheSellAndNoStamp()
    {
        // Brokerage 20; STT 0.025% = 25; exchange 2.97; SEBI 0.1; GST 4.1526; no DP intraday.
        Assert.Equal(52.2226, new FillCharges(TestCosts.ZerodhaIntraday).Sell(100_000), 9);
    }

    [Fact]
    public void Delivery_SellCarriesTheFlatDpCharge_AndBuyTheStampDuty()
    {
        // Buy: STT 100 + exchange 2.97 + SEBI 0.1 + stamp 15 + GST 18% of 3.07 = 118.6226.
        // Sell: STT 100 + exchange 2.97 + SEBI 0.1 + GST 0.5526 + DP 15.93 = 119.5526.
        var charges = new FillCharges(TestCosts.ZerodhaDelivery);

        Assert.Equal(118.6226, charges.Buy(100_000), 9);
        Assert.Equal(119.5526, charges.Sell(100_000), 9);
    }

    [Theory]
    [InlineData(1_000_000.0)]
    [InlineData(10_000.0)]
    [InlineData(60_000.0)]
    [InlineData(66_000.0)]
    public void MaxBuyValue_SpendsTheBudgetExactly_OnEitherSideOfTheBrokerageKink(double budget)
    {
        // The cap binds above V = 20 / 0.0003 = 66,666.67; 60,000 and 66,000 stay on the percentage line.
        var charges = new FillCharges(TestCosts.ZerodhaIntraday);

        double value = charges.MaxBuyValue(budget);

        Assert.Equal(budget, value + charges.Buy(value), 9);
    }

    [Fact]
    public void Bps_ChargesTheRateOnEachSide()
    {
        var charges = FillCharges.Bps(10);

        Assert.Equal(100, charges.Buy(100_000), 12);
        Assert.Equal(100, charges.Sell(100_000), 12);
        Assert.Equal(1_000_000 / 1.001, charges.MaxBuyValue(1_000_000), 9);
    }
}
