using YamlDotNet.Serialization;

namespace ClaudBot.Hosting.Strategies;

/// <summary>The YAML shape of a saved rule's file (<c>name</c> is informative; the file name is the rule's name).</summary>
internal sealed class SavedRuleFile
{
    // The file's keys are lower case ("name:", "rule:"), as Save writes them and as a person would.
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "rule")]
    public string? Rule { get; set; }
}
