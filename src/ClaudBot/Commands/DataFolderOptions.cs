using System.CommandLine;
using ClaudBot.MarketData;

namespace ClaudBot.Commands;

/// <summary>The <c>--data</c> and <c>--store</c> options of the <c>data</c> verbs: which bundled folder and which user store.</summary>
internal sealed class DataFolderOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Folder of the bundled daily CSV files (default: the bundled data)" };

    public Option<string?> Store { get; } = new("--store") { Description = "Folder of your own data (default: the home's data/market)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Store);
    }

    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Data) is { } data)
        {
            overrides[$"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.Directory)}"] = Path.GetFullPath(data);
        }

        if (parse.GetValue(Store) is { } store)
        {
            overrides[$"{MarketDataOptions.SectionName}:{nameof(MarketDataOptions.UserDirectory)}"] = Path.GetFullPath(store);
        }

        return overrides;
    }
}
