using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Tests.Matching;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>What the model is told of each slot of the shipped catalogue: the type's hint, then the slot's own question.</summary>
public sealed class IntentFunctionsTests
{
    private static readonly IntentCatalog Catalog = CatalogLoader.LoadFile(ShippedMatcher.CatalogFile);

    [Theory]
    [InlineData("days", "(e.g. day, weekday, or mon, wed and fri)")]
    [InlineData("at", "(HH:MM on a 24-hour clock, e.g. 18:00)")]
    [InlineData("zone", "(e.g. Asia/Kolkata, Europe/London)")]
    public void ScheduleSlots_AreDescribedByTheirOwnExamples_NotAsOneWordNames(string slot, string example)
    {
        var function = IntentFunctions.Create(Catalog).Single(f => f.Name == "add_schedule");
        string description = function.Metadata.Parameters.Single(p => p.Name == slot).Description;

        Assert.EndsWith(example, description, StringComparison.Ordinal);
        Assert.DoesNotContain("one word", description, StringComparison.Ordinal);
    }
}
