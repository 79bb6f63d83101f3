using System.Text;

namespace ClaudBot.Intents.Semantic;

/// <summary>
/// What the model is shown of a phrase (and of each example): without the words that name the cluster's parts, and
/// articles. Those words appear in the examples of most cluster intents alike, and the model weighs
/// them so heavily that "fire up the cluster" lies nearer "bring the cluster down" than "fire up the nodes"; without
/// them the verbs decide ("fire up" vs "bring down"). A phrase of such words only is shown whole.
/// </summary>
internal static class PhraseFocus
{
    private static readonly HashSet<string> Nouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "cluster", "clusters", "node", "nodes", "worker", "workers", "server", "servers", "machine", "machines", "driver",
        "compute", "backtesting", "everything", "all", "whole", "entire", "the", "a", "an",
    };

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new StringBuilder(text.Length);
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string bare = word.Trim('.', ',', '!', '?', ';', ':', '"', '\'');
            if (!Nouns.Contains(bare))
            {
                kept.Append(kept.Length == 0 ? string.Empty : " ").Append(word);
            }
        }

        return kept.Length == 0 ? text : kept.ToString();
    }
}
