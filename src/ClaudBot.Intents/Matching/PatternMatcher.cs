using ClaudBot.Engine.Text;
using ClaudBot.Intents.Patterns;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Finds every way a compiled pattern covers the whole of a phrase: literal words must match (a small
/// typo is forgiven and remembered), each slot takes one or more words, optional groups may be absent,
/// and at most <see cref="MaxSkipped"/> stray words are passed over at a cost. A word the catalogue's patterns use is
/// never a typo of another ("save" is not "same", "stop" not "step"): it means itself.
/// </summary>
/// <param name="complete">Given each complete match as it is found (a long request has hundreds; none is kept).</param>
internal sealed class PatternMatcher(IReadOnlyList<Token> tokens, IReadOnlySet<string> vocabulary, Action<MatchState> complete)
{
    // Whether each word typed is one the patterns use, looked up once: every fixed word of every pattern asks.
    private readonly bool[] _known = [.. tokens.Select(t => vocabulary.Contains(t.Word))];
    private const int MaxSkipped = 1;
    private static readonly System.Buffers.SearchValues<char> ShellCharacters = System.Buffers.SearchValues.Create("`$;|&<>");
    private const double TypoWeight = 0.8;
    /// <summary>Gives every complete match of <paramref name="pattern"/> to the sink this matcher was made with.</summary>
    public void Match(IReadOnlyList<PatternNode> pattern) => Sequence(pattern, 0, null, 0, MatchState.Empty);

    /// <summary>Whether word <paramref name="t"/> is one the catalogue's patterns use (and so never a typo of another).</summary>
    public bool IsKnown(int t) => _known[t];

    /// <summary>Whether word <paramref name="t"/> is <paramref name="expected"/>, exactly or within a typo of a word no pattern uses.</summary>
    public bool Fuzzy(int t, string expected, out bool typo)
    {
        typo = false;
        string typed = tokens[t].Word;
        if (typed == expected)
        {
            return true;
        }

        if (_known[t])
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

    private void Complete(int t, MatchState state)
    {
        int stray = tokens.Count - t;
        if (state.Skipped + stray > MaxSkipped)
        {
            return;
        }

        for (int rest = t; rest < tokens.Count; rest++)
        {
            if (LooksLikeShell(tokens[rest].Text))
            {
                return;
            }
        }

        complete(state with { Skipped = state.Skipped + stray });
    }

    /// <summary>
    /// Matches <paramref name="nodes"/> from node <paramref name="i"/> and token <paramref name="t"/>; at the end of
    /// the nodes, goes on after the group that <paramref name="resume"/> points at (an optional group or a choice), or
    /// completes the match when there is none.
    /// </summary>
    private void Sequence(IReadOnlyList<PatternNode> nodes, int i, Resume? resume, int t, MatchState state)
    {
        if (i == nodes.Count)
        {
            if (resume is null)
            {
                Complete(t, state);
            }
            else
            {
                Sequence(resume.Nodes, resume.Index + 1, resume.Outer, t, state);
            }

            return;
        }

        switch (nodes[i])
        {
            case WordNode word:
                if (t < tokens.Count && Fuzzy(t, word.Word, out bool typo))
                {
                    var matched = state with
                    {
                        LiteralScore = state.LiteralScore + (typo ? TypoWeight : 1),
                        Literals = state.Literals + 1,
                        Typos = typo ? new Chain<Typo>(new Typo(tokens[t].Word, word.Word), state.Typos) : state.Typos,
                    };
                    Sequence(nodes, i + 1, resume, t + 1, matched);
                }
                else if (t < tokens.Count && state.Skipped < MaxSkipped && !LooksLikeShell(tokens[t].Text))
                {
                    // Pass over a stray word only where the expected one is not there.
                    Sequence(nodes, i, resume, t + 1, state with { Skipped = state.Skipped + 1 });
                }

                break;
            case SlotNode slot:
                // A slot followed by a fixed word ends just before that word: no other split can match.
                var following = i + 1 < nodes.Count ? nodes[i + 1] as WordNode : null;
                for (int length = 1; t + length <= tokens.Count; length++)
                {
                    if (following is not null && t + length < tokens.Count && !Fuzzy(t + length, following.Word, out _))
                    {
                        continue;
                    }

                    var captured = state with { Captures = new Captures(new SlotSpan(slot.Name, t, length), state.Captures) };
                    Sequence(nodes, i + 1, resume, t + length, captured);
                }

                break;
            case OptionalNode optional:
                Sequence(optional.Body, 0, new Resume(nodes, i, resume), t, state);
                Sequence(nodes, i + 1, resume, t, state);
                break;
            case ChoiceNode choice:
                var after = new Resume(nodes, i, resume);
                foreach (var alternative in choice.Alternatives)
                {
                    Sequence(alternative, 0, after, t, state);
                }

                break;
        }
    }

    /// <summary>Where matching goes on once a group's body is matched: after node <see cref="Index"/> of <see cref="Nodes"/>.</summary>
    private sealed record Resume(IReadOnlyList<PatternNode> Nodes, int Index, Resume? Outer);
}
