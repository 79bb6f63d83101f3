using System.Text.Json.Nodes;
using ClaudBot.Intents.Catalog;
using Microsoft.SemanticKernel;

namespace ClaudBot.Intents.Llm;

/// <summary>
/// The catalogue as functions the model may call: one per intent, named after it, described by the intent's
/// description and examples, with one string parameter per slot. The functions are never run (the bot maps
/// the call back to an intent and its slots), so they are built from metadata, not from methods.
/// </summary>
internal static class IntentFunctions
{
    public static IReadOnlyList<KernelFunction> Create(IntentCatalog catalog) => [.. catalog.Intents.Select(Create)];

    private static KernelFunction Create(IntentDefinition intent)
    {
        string description = intent.Examples.Count == 0
            ? intent.Description
            : $"{intent.Description} Examples: {string.Join("; ", intent.Examples.Select(e => $"\"{e}\""))}.";
        return KernelFunctionFactory.CreateFromMethod(
            NotInvoked,
            new KernelFunctionFromMethodOptions
            {
                FunctionName = intent.Name,
                Description = description,
                Parameters = [.. intent.Slots.Select(Parameter)],
                ReturnParameter = new KernelReturnParameterMetadata { Description = "Never run: the bot asks the user to confirm first." },
            });
    }

    private static KernelParameterMetadata Parameter(SlotDefinition slot)
    {
        // The catalogue makes up "What {name}?" for a slot without a question: it tells the model nothing.
        bool asks = !string.IsNullOrWhiteSpace(slot.Question) && slot.Question != $"What {slot.Name}?";
        string description = $"{Hint(slot)}{(asks ? " " + slot.Question : string.Empty)}"
            + (slot.Default is { } fallback ? $" Leave out for the default ({fallback})." : string.Empty);
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (slot.Type == SlotType.Enum)
        {
            schema["enum"] = new JsonArray([.. slot.Values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        return new KernelParameterMetadata(slot.Name)
        {
            Description = description,
            ParameterType = typeof(string),
            IsRequired = slot.Required,
            Schema = KernelJsonSchema.Parse(schema.ToJsonString()),
        };
    }

    // What to copy from the user's words for each slot type; the bot's own parsers read and check it.
    private static string Hint(SlotDefinition slot) => slot.Type switch
    {
        SlotType.Strategies => "Strategy names as the user wrote them, comma-separated, with any parameters, e.g. \"rsi(period=10), macd\"; or a whole written rule exactly as typed, e.g. \"buy when rsi(2) < 10, sell when rsi(2) > 70\".",
        SlotType.Symbols => "Stock symbols or company names as the user wrote them, comma-separated, e.g. \"TCS, infosys\", or a universe like \"nifty50\".",
        SlotType.Period => "The period as the user wrote it, e.g. \"2020-2024\", \"FY2023\", \"last 3 years\".",
        SlotType.Job => "A job id, or \"last\".",
        SlotType.WholeNumber => $"A whole number from {slot.Min} to {slot.Max}.",
        SlotType.WholeNumbers => $"One whole number from {slot.Min} to {slot.Max}, or several to try separated by '|', e.g. \"5|10|20\".",
        SlotType.Enum => $"One of: {string.Join(", ", slot.Values)}.",
        // Name slots hold a rule's name but also a schedule's days, time and zone: each slot's question gives its example.
        SlotType.Name => "The user's words for it, as typed.",
        SlotType.Execution => "Costs, slippage or size as the user wrote them, e.g. \"with zerodha delivery charges, 10 bps slippage, size 10%\".",
        SlotType.Length => "A length as the user wrote it, e.g. \"2 years\", \"6 months\", \"90 days\".",
        SlotType.Parameters => "Strategy parameters as the user wrote them, without a strategy, e.g. \"period 10\" or \"fast 20 and slow 100\".",
        _ => "As the user wrote it.",
    };

    private static string NotInvoked() => throw new InvalidOperationException("Catalogue functions describe intents to the model; they are never invoked.");
}
