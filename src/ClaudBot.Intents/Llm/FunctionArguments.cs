using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace ClaudBot.Intents.Llm;

/// <summary>
/// A function call's arguments as slot texts. SK hands them over as strings (a JSON array's raw text when
/// the model sent a list, although the schema asks for a string), so lists are joined back into "a, b".
/// </summary>
internal static class FunctionArguments
{
    public static Dictionary<string, string> ToTexts(KernelArguments? arguments)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (arguments is null)
        {
            return texts;
        }

        foreach (var (name, value) in arguments)
        {
            if (Text(value) is { Length: > 0 } text)
            {
                texts[name] = text;
            }
        }

        return texts;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s when s.TrimStart().StartsWith('[') && TryJoin(s, out string joined) => joined,
        string s => s,
        JsonElement e => Text(e),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(Text).Where(t => !string.IsNullOrWhiteSpace(t))),
        _ => element.GetRawText(),
    };

    private static bool TryJoin(string json, out string joined)
    {
        joined = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(json);
            joined = Text(document.RootElement) ?? string.Empty;
            return true;
        }
        catch (JsonException)
        {
            // Not JSON after all ("[1] something"): the slot parser judges the text as it is.
            return false;
        }
    }
}
