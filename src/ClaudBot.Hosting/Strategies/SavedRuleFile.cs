namespace ClaudBot.Hosting.Strategies;

/// <summary>The YAML shape of a saved rule's file (<c>name</c> is informative; the file name is the rule's name).</summary>
internal sealed class SavedRuleFile
{
    public string? Name { get; set; }

    public string? Rule { get; set; }
}
