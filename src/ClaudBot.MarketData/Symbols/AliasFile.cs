using Microsoft.Extensions.Logging;

namespace ClaudBot.MarketData.Symbols;

/// <summary>
/// Reads <c>aliases.csv</c> (<c>alias,symbol,note</c>; the note is the rest of the line and may hold
/// commas). A bad line is logged and left out rather than stopping the whole data set.
/// </summary>
internal static class AliasFile
{
    public const string FileName = "aliases.csv";

    public static Dictionary<string, AliasTarget> Load(string directory, IReadOnlyDictionary<string, string?> symbols, ILogger logger)
    {
        var aliases = new Dictionary<string, AliasTarget>(StringComparer.Ordinal);
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return aliases;
        }

        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string[] parts = lines[i].Split(',', 3);
            bool isHeader = i == 0 && parts[0].Trim().Equals("alias", StringComparison.OrdinalIgnoreCase);
            if (isHeader || string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            string? problem = Add(aliases, parts, symbols);
            if (problem is not null)
            {
                Log.AliasIgnored(logger, i + 1, problem);
            }
        }

        return aliases;
    }

    private static string? Add(Dictionary<string, AliasTarget> aliases, string[] parts, IReadOnlyDictionary<string, string?> symbols)
    {
        if (parts.Length < 2)
        {
            return "expected alias,symbol,note";
        }

        string alias = SymbolName.Normalize(parts[0]);
        string target = SymbolName.Normalize(parts[1]);
        string? note = parts.Length > 2 && !string.IsNullOrWhiteSpace(parts[2]) ? parts[2].Trim().Trim('"') : null;
        if (!SymbolName.IsValid(alias))
        {
            return $"'{alias}' is not a valid symbol";
        }

        if (symbols.ContainsKey(alias))
        {
            return $"'{alias}' is a symbol with its own file, so it cannot be an alias";
        }

        if (!symbols.ContainsKey(target))
        {
            return $"'{alias}' points to '{target}', which has no file";
        }

        return aliases.TryAdd(alias, new AliasTarget(target, note)) ? null : $"'{alias}' is listed twice";
    }
}
