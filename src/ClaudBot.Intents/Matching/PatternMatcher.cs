using ClaudBot.Engine.Text;
using ClaudBot.Intents.Patterns;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Finds every way a compiled pattern covers the whole of a phrase: literal words must match (a small
/// typo is forgiven and remembered), each slot takes one or more words, optional groups may be absent,
/// and at most <see cref="MaxSkipped"/> stray words are passed over at a cost. A word the catalogue's patterns use is
/// never a typo of another ("save" is not "same", "stop" not "step"): it means itself.
/// </summary>
internal sealed class PatternMatcher(IReadOnlyList<Token> tokens, IReadOnlySet<string> vocabulary)
{
    private const int MaxSkipped = 1;
    private static readonly System.Buffers.SearchValues<char> ShellCharacters = System.Buffers.SearchValues.Create("`$;|&<>");
    private const double TypoWeight = 0.8;
    private readonly List<MatchState> _complete = [];

    public IReadOnlyList<MatchState> Match(IReadOnlyList<PatternNode> pattern)
    {
        _complete.Clear();
        Sequence(pattern, 0, 0, MatchState.Empty, (t, state) =>
        {
            int stray = tokens.Count - t;
            if (state.Skipped + stray <= MaxSkipped && !tokens.Skip(t).Any(token => LooksLikeShell(token.Text)))
            {
                _complete.Add(state with { Skipped = state.Skipped + stray });
            }
        });
        return [.. _complete];
    }

    /// <summary>Whether <paramref name="typed"/> is <paramref name="expected"/>, exactly or within a typo of a word no pattern uses.</summary>
    public static bool Fuzzy(string typed, string expected, IReadOnlySet<string> vocabulary, out bool typo)
    {
        typo = false;
        if (typed == expected)
        {
            return true;
        }

        if (vocabulary.Contains(typed))
        {
            return false;
        }

        int allowed = expected.Length >= 8 ? 2 : expected.Length >= 4 ? 1 : 0;
        if (allowed == 0 || Math.Abs(typed.Length - expected.Length) > allowed || typed[0] != expected[0])
        {
            return false;
        }

        typo = Similarity.Distance(typed, expected) <= allowed;
        return typo;
    }

    // Shell syntax is never passed over as a stray word: it must land in a slot, whose validation refuses it.
    private static bool LooksLikeShell(string text) => text.AsSpan().IndexOfAny(ShellCharacters) >= 0;

    private void Sequence(IReadOnlyList<PatternNode> nodes, int i, int t, MatchState state, Action<int, MatchState> next)
    {
        if (i == nodes.Count)
        {
            next(t, state);
            return;
        }

        switch (nodes[i])
        {
            case WordNode word:
                if (t < tokens.Count && Fuzzy(tokens[t].Word, word.Word, vocabulary, out bool typo))
                {
                    var matched = state with
                    {
                        LiteralScore = state.LiteralScore + (typo ? TypoWeight : 1),
                        Literals = state.Literals + 1,
                        Typos = typo ? state.Typos.Add($"{tokens[t].Word} → {word.Word}") : state.Typos,
                    };
                    Sequence(nodes, i + 1, t + 1, matched, next);
                }
                else if (t < tokens.Count && state.Skipped < MaxSkipped && !LooksLikeShell(tokens[t].Text))
                {
                    // Pass over a stray word only where the expected one is not there.
                    Sequence(nodes, i, t + 1, state with { Skipped = state.Skipped + 1 }, next);
                }

                break;
            case SlotNode slot:
                // A slot followed by a fixed word ends just before that word: no other split can match.
                var following = i + 1 < nodes.Count ? nodes[i + 1] as WordNode : null;
                for (int length = 1; t + length <= tokens.Count; length++)
                {
                    if (following is not null && t + length < tokens.Count && !Fuzzy(tokens[t + length].Word, following.Word, vocabulary, out _))
                    {
                        continue;
                    }

                    Sequence(nodes, i + 1, t + length, state with { Captures = state.Captures.Add(new SlotSpan(slot.Name, t, length)) }, next);
                }

                break;
            case OptionalNode optional:
                Sequence(optional.Body, 0, t, state, (after, inner) => Sequence(nodes, i + 1, after, inner, next));
                Sequence(nodes, i + 1, t, state, next);
                break;
            case ChoiceNode choice:
                foreach (var alternative in choice.Alternatives)
                {
                    Sequence(alternative, 0, t, state, (after, inner) => Sequence(nodes, i + 1, after, inner, next));
                }

                break;
        }
    }
}
