using ClaudBot.Intents.Matching;

namespace ClaudBot.Intents.Patterns;

/// <summary>
/// Compiles the catalogue's pattern syntax: words are literals, <c>{slot}</c> captures one or more
/// words, <c>[...]</c> is optional, <c>(a|b)</c> picks one alternative, <c>[a|b]</c> one or none;
/// groups nest.
/// Example: <c>(submit|queue) [cluster] job {strategies} on {symbols} [{period}]</c>.
/// </summary>
internal static class PatternCompiler
{
    public static IReadOnlyList<PatternNode> Compile(string pattern, IReadOnlyCollection<string> slots)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        int position = 0;
        var nodes = Sequence(pattern, ref position, slots, closing: null);
        if (position < pattern.Length)
        {
            throw new PatternSyntaxException($"unexpected '{pattern[position]}' at column {position + 1}");
        }

        if (nodes.Count == 0)
        {
            throw new PatternSyntaxException("the pattern is empty");
        }

        return nodes;
    }

    private static List<PatternNode> Sequence(string text, ref int i, IReadOnlyCollection<string> slots, char? closing)
    {
        var nodes = new List<PatternNode>();
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == closing || (closing is not null && c == '|'))
            {
                return nodes;
            }
            else if (c is ']' or ')' or '|')
            {
                throw new PatternSyntaxException($"unexpected '{c}' at column {i + 1}");
            }
            else if (c is '[' or '(')
            {
                i++;
                char close = c == '[' ? ']' : ')';
                var alternatives = Alternatives(text, ref i, slots, close);
                PatternNode group = alternatives.Count == 1 && close == ']' ? new OptionalNode(alternatives[0]) : new ChoiceNode(alternatives);
                nodes.Add(close == ']' && group is ChoiceNode ? new OptionalNode([group]) : group);
            }
            else if (c == '{')
            {
                int end = text.IndexOf('}', i);
                if (end < 0)
                {
                    throw new PatternSyntaxException($"'{{' at column {i + 1} is never closed");
                }

                string name = text[(i + 1)..end].Trim();
                if (!slots.Contains(name))
                {
                    throw new PatternSyntaxException($"slot {{{name}}} at column {i + 1} is not declared in the intent's slots");
                }

                nodes.Add(new SlotNode(name));
                i = end + 1;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('[' or ']' or '(' or ')' or '|' or '{' or '}'))
                {
                    i++;
                }

                nodes.Add(new WordNode(TextNormalizer.Word(text[start..i])));
            }
        }

        return closing is null ? nodes : throw new PatternSyntaxException($"'{(closing == ']' ? '[' : '(')}' is never closed");
    }

    // a | b c | d ... up to the closing bracket; "[a|b]" is an optional choice.
    private static List<IReadOnlyList<PatternNode>> Alternatives(string text, ref int i, IReadOnlyCollection<string> slots, char close)
    {
        var alternatives = new List<IReadOnlyList<PatternNode>>();
        while (true)
        {
            var alternative = Sequence(text, ref i, slots, close);
            alternatives.Add(alternative.Count > 0 ? alternative : throw new PatternSyntaxException($"empty group or alternative before column {i + 1}"));
            if (i < text.Length && text[i] == '|')
            {
                i++;
                continue;
            }

            Expect(text, ref i, close);
            return alternatives;
        }
    }

    private static void Expect(string text, ref int i, char expected)
    {
        if (i >= text.Length || text[i] != expected)
        {
            throw new PatternSyntaxException($"expected '{expected}' at column {i + 1}");
        }

        i++;
    }
}
