namespace ClaudBot.Intents.Patterns;

/// <summary>Every fixed word a compiled pattern can match, optional and alternative ones included.</summary>
internal static class PatternWords
{
    public static IEnumerable<string> Of(IReadOnlyList<PatternNode> pattern) => pattern.SelectMany(node => node switch
    {
        WordNode word => [word.Word],
        OptionalNode optional => Of(optional.Body),
        ChoiceNode choice => choice.Alternatives.SelectMany(Of),
        _ => [],
    });
}
