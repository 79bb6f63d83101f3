using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Patterns;

namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The fixed words of an intent's patterns. A meaning-based reading of a destructive intent is taken only when the
/// phrase holds one of them ("power the cluster off" has "cluster" and "off" of stop_cluster): similar meaning alone
/// is not enough to stop or delete anything ("i restarted my pc" is near restart_cluster, but names none of its words).
/// </summary>
internal static class PatternVocabulary
{
    public static bool Shares(string text, IntentDefinition intent, IReadOnlySet<string> fillers)
    {
        var words = intent.Compiled.SelectMany(PatternWords.Of).ToHashSet(StringComparer.Ordinal);
        return TextNormalizer.Tokenize(text, fillers).Any(t => words.Contains(t.Word));
    }
}
