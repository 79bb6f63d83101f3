using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>Bad combinations are refused with one readable line before anything runs.</summary>
public sealed class SimulationSettingsValidationTests
{
    public static TheoryData<SimulationSettings, string> Refused() => new()
    {
        { new SimulationSettings { Exits = new ExitRules(Stop: 1.0) }, "A stop of 100% is out of range: it must be above 0% and below 100%." },
        { new SimulationSettings { Exits = new ExitRules(Target: -0.05) }, "A target of -5% is out of range: it must be above 0%." },
        { new SimulationSettings { Exits = new ExitRules(Trail: 1.5) }, "A trail of 150% is out of range: it must be above 0% and below 100%." },
        { new SimulationSettings { Sizing = new PositionSizing(SizingKind.Amount, 2_000_000) }, "A size of Rs 2000000 must be above 0 and at most the initial capital (Rs 1000000)." },
        { new SimulationSettings { Sizing = new PositionSizing(SizingKind.Percent, 150) }, "A size of 150% of equity must be above 0% and at most 100%." },
        { new SimulationSettings { SlippageBps = -1 }, "Slippage must be at least 0 and below 10000 basis points." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void BadCombination_IsRefusedWithOneLine(SimulationSettings settings, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);

        Assert.Equal(message, error.Message.Split(" (Parameter", 2)[0]);
    }

    [Fact]
    public void SensibleSettings_Pass()
    {
        var settings = new SimulationSettings { Exits = new ExitRules(0.04, 0.12, 0.08), Sizing = new PositionSizing(SizingKind.Amount, 1_000_000), SlippageBps = 5 };

        settings.Validate();

        Assert.Equal(0.04, settings.Exits.Stop);
    }
}
