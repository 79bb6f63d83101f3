using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClaudBot.Hosting.Strategies;

/// <summary>
/// Saved rules as one small YAML file each (<c>NAME.yaml</c> with <c>name</c> and <c>rule</c>) in the user's config
/// folder, so a trader can also write or edit them by hand. Every read goes to the files: a rule saved by the chat is
/// seen at once by the CLI and the other way round. Files are owner-only, like the rest of the settings.
/// </summary>
public sealed class SavedRuleFiles(string directory) : ISavedRules
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    /// <summary>The folder, <c>strategies/</c> under the home's config folder.</summary>
    public string Directory { get; } = directory;

    public static SavedRuleFiles In(ClaudBotHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return new(System.IO.Path.Combine(home.ConfigDirectory, "strategies"));
    }

    public IReadOnlyCollection<string> Names => [.. List().Where(r => r.Error is null).Select(r => r.Name)];

    public string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        if (RuleName.Problem(key) is not null || !File.Exists(PathOf(key)))
        {
            return null;
        }

        var saved = Read(PathOf(key));
        return saved.Error is null ? saved.Rule : throw new StrategySpecException(saved.Error);
    }

    /// <summary>Every saved rule, by name; a file that cannot be read is listed with its error.</summary>
    public IReadOnlyList<SavedRule> List() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Order(StringComparer.Ordinal).Select(Read)]
            : [];

    /// <summary>
    /// Checks the name and the rule, then saves the rule's canonical text (grids kept) under the name, replacing any rule
    /// saved under it before. Throws <see cref="StrategySpecException"/> with a one-line reason and writes nothing.
    /// </summary>
    /// <returns>The rule as saved, and whether it replaced one.</returns>
    public (SavedRule Saved, bool Replaced) Save(string name, string rule)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rule);
        string key = name.Trim().ToLowerInvariant();
        if (RuleName.Problem(key) is { } problem)
        {
            throw new StrategySpecException(problem);
        }

        if (!RuleParser.LooksLikeRule(rule))
        {
            throw new StrategySpecException("Only a rule can be saved under a name: it starts with 'buy when' or 'hold while'.");
        }

        string canonical = RuleParser.Parse(rule).Text;
        string path = PathOf(key);
        bool replaced = File.Exists(path);
        PrivateFiles.CreateDirectory(Directory);
        PrivateFiles.WriteAllText(path, $"# A ClaudBot rule, usable as '{key}' wherever a strategy is named.\nname: {key}\nrule: {Quoted(canonical)}\n");
        return (new SavedRule(key, canonical, path), replaced);
    }

    /// <summary>Deletes the rule saved under <paramref name="name"/>; false when there was none.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        if (RuleName.Problem(key) is not null || !File.Exists(PathOf(key)))
        {
            return false;
        }

        File.Delete(PathOf(key));
        return true;
    }

    private string PathOf(string name) => System.IO.Path.Combine(Directory, name + ".yaml");

    private static SavedRule Read(string path)
    {
        string name = System.IO.Path.GetFileNameWithoutExtension(path);
        try
        {
            var file = Reader.Deserialize<SavedRuleFile?>(File.ReadAllText(path));
            if (string.IsNullOrWhiteSpace(file?.Rule))
            {
                return new SavedRule(name, string.Empty, path, $"{path} has no 'rule:' line.");
            }

            // A hand-written file is checked and shown as the parser reads it, like a saved one.
            return new SavedRule(name, RuleParser.Parse(file.Rule).Text, path);
        }
        catch (StrategySpecException error)
        {
            return new SavedRule(name, string.Empty, path, $"{path}: {error.Message}");
        }
        catch (YamlException error)
        {
            return new SavedRule(name, string.Empty, path, $"{path} is not valid YAML (line {error.Start.Line}): {error.Message}");
        }
        catch (IOException error)
        {
            return new SavedRule(name, string.Empty, path, $"{path} cannot be read: {error.Message}");
        }
    }

    // Single-quoted YAML: no escapes but '' for a quote, so any rule text round-trips.
    private static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
