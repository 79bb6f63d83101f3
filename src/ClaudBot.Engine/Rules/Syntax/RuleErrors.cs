using System.Text;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// Builds the errors a rule's parser throws: a one-line message naming the column, and a caret block (the text, or a
/// window of it, with '^' under the column) whose characters are escaped as <see cref="UserText"/> escapes them so the
/// caret still lines up under the right character.
/// </summary>
internal static class RuleErrors
{
    /// <summary>Characters of the rule shown either side of the column in the caret block.</summary>
    private const int HalfWindow = 30;

    private const string Cut = "...";

    /// <summary>An error at <paramref name="index"/> (0-based; the text's length for its end).</summary>
    public static StrategySpecException At(string text, int index, string message) => new(message, Caret(text, index));

    public static string Caret(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        int from = Math.Max(0, index - HalfWindow);
        int to = Math.Min(text.Length, index + HalfWindow);

        // Never split a surrogate pair at a cut.
        if (from > 0 && char.IsLowSurrogate(text[from]))
        {
            from--;
        }

        if (to < text.Length && to > 0 && char.IsHighSurrogate(text[to - 1]))
        {
            to++;
        }

        var line = new StringBuilder();
        if (from > 0)
        {
            line.Append(Cut);
        }

        int caretAt = -1;
        for (int i = from; i < to; i++)
        {
            if (i == index)
            {
                caretAt = line.Length;
            }

            line.Append(UserText.Clean(text[i].ToString()));
        }

        if (caretAt < 0)
        {
            caretAt = line.Length;
        }

        if (to < text.Length)
        {
            line.Append(Cut);
        }

        return line.ToString() + "\n" + new string(' ', caretAt) + "^";
    }
}
