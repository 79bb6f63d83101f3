using System.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>Text helpers shared by the slot parsers.</summary>
internal static class SlotText
{
    /// <summary>
    /// Trims and folds every run of whitespace (tabs, newlines, repeated spaces) into one space, so the
    /// parsers' patterns only ever see single spaces. Returns the same instance when nothing changes.
    /// </summary>
    public static string Squeeze(string text)
    {
        string trimmed = text.Trim();
        if (!NeedsFolding(trimmed))
        {
            return trimmed;
        }

        var folded = new StringBuilder(trimmed.Length);
        bool inSpace = false;
        foreach (char c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                folded.Append(' ');
                inSpace = false;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }

    private static bool NeedsFolding(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i > 0 && text[i - 1] == ' ')))
            {
                return true;
            }
        }

        return false;
    }
}
