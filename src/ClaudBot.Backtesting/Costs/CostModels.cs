using System.Globalization;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Text;

namespace ClaudBot.Backtesting.Costs;

/// <summary>
/// Resolves a cost model's name: <c>bps:N</c> is built in (N basis points a side, N from 0 to below 10000); any other name is
/// a file <c>NAME.yaml</c>, the user's (<c>&lt;config&gt;/costs</c>) before the bundled one (<c>costs/</c> beside the program).
/// Files are read on each call, so an edited model is used at once.
/// </summary>
/// <param name="bundledDirectory">The models shipped with the program.</param>
/// <param name="userDirectory">The user's models, which override bundled ones of the same name; null for none.</param>
public sealed class CostModels(string bundledDirectory, string? userDirectory)
{
    /// <summary>The prefix of the built-in model.</summary>
    public const string BpsPrefix = "bps:";

    /// <summary>The models in <paramref name="options"/>' user folder and beside the program.</summary>
    public static CostModels From(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(Path.Combine(AppContext.BaseDirectory, "costs"), options.CostModelsDirectory);
    }

    public string BundledDirectory { get; } = bundledDirectory;

    public string? UserDirectory { get; } = userDirectory;

    /// <summary>Every model name a file gives (the user's and the bundled), sorted; <c>bps:N</c> is not among them.</summary>
    public IReadOnlyList<string> FileNames =>
        [.. Files().Keys.Order(StringComparer.Ordinal)];

    /// <summary>The model called <paramref name="name"/>, or <see cref="CostModelException"/> with a one-line reason.</summary>
    public CostModel Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        if (BpsOf(name) is { } bps)
        {
            return CostModel.Bps(bps);
        }

        var files = Files();
        if (files.TryGetValue(key, out string? path))
        {
            return CostModelFile.Read(path);
        }

        var suggestions = Similarity.Suggest(key, files.Keys, max: 1);
        string hint = suggestions.Count > 0 ? $": did you mean {suggestions[0]}?" : ".";
        throw new CostModelException($"unknown cost model '{UserText.Excerpt(name)}'{hint} Known: {string.Join(", ", Known(files.Keys))}");
    }

    /// <summary>Every file model with its file, the user's first where both have one; a file that cannot be read is listed with its error.</summary>
    public IReadOnlyList<CostModelEntry> List() =>
        [.. Files().OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => Entry(f.Key, f.Value))];

    /// <summary>True for the built-in <c>bps:N</c> model, whose cost the engine reads from <see cref="SimulationSettings.CostBps"/>.</summary>
    public static bool IsBps(CostModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Name.StartsWith(BpsPrefix, StringComparison.Ordinal);
    }

    private static CostModelEntry Entry(string name, string path)
    {
        try
        {
            return new CostModelEntry(name, path, CostModelFile.Read(path), CostModelFile.Description(path), null);
        }
        catch (CostModelException error)
        {
            return new CostModelEntry(name, path, null, null, error.Message);
        }
    }

    /// <summary>N of a <c>bps:N</c> name, null for any other name; <see cref="CostModelException"/> for a bad N.</summary>
    public static double? BpsOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        return key.StartsWith(BpsPrefix, StringComparison.Ordinal) ? ParseBps(name, key[BpsPrefix.Length..]) : null;
    }

    private static double ParseBps(string typed, string number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double bps) && bps >= 0 && bps < 10_000
            ? bps
            : throw new CostModelException($"'{UserText.Excerpt(typed)}' is not a cost model: write bps:N with N at least 0 and below 10000, e.g. bps:10.");

    private static IEnumerable<string> Known(IEnumerable<string> fileNames) => [$"{BpsPrefix}N", .. fileNames.Order(StringComparer.Ordinal)];

    // Bundled first, then the user's over them: the user's copy of a name wins.
    private Dictionary<string, string> Files()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string? directory in new[] { BundledDirectory, UserDirectory })
        {
            if (directory is null || !Directory.Exists(directory))
            {
                continue;
            }

            foreach (string path in Directory.EnumerateFiles(directory, "*.yaml"))
            {
                files[Path.GetFileNameWithoutExtension(path).ToLowerInvariant()] = path;
            }
        }

        return files;
    }
}
