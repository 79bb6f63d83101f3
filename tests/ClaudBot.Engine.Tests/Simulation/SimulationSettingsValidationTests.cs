using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>Bad combinations are refused with one readable line before anything runs.</summary>
public sealed class SimulationSettingsValidationTests
{
    public static TheoryData<SimulationSettings, string> Refused() => new()
    {
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
        var settings = new SimulationSettings { Sizing = new PositionSizing(SizingKind.Amount, 1_000_000), SlippageBps = 5 };

        settings.Validate();

        Assert.Equal(5, settings.SlippageBps);
    }
}
