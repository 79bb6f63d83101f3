using System.Buffers;

namespace ClaudBot.Intents.Semantic;

/// <summary>
/// Phrases no guess may be made for: a meaning-based match cannot tell "stop the cluster" from "don't stop the
/// cluster" (their embeddings are nearly the same), nor a request from one wrapped in an injection attempt or shell
/// text. Such phrases get no semantic reading, and no destructive reading from any tier (<see cref="Llm.IntentResolver"/>).
/// </summary>
internal static class PhraseGuard
{
    // Not '<' or '>': written rules hold them. Negations, instruction-injection words and shell commands, as whole words (any case, apostrophes dropped).
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "dont", "doesnt", "didnt", "never", "no", "nothing", "cannot", "cant", "shouldnt", "wont", "avoid", "without",
        "ignore", "disregard", "instruction", "instructions", "prompt", "pretend", "override", "jailbreak",
        "sudo", "rm", "chmod", "chown", "curl", "wget", "bash", "sh", "eval", "exec", "mkfs", "dd",
    };

    private static readonly SearchValues<char> Shell = SearchValues.Create(";|&`$\\{}");

    /// <summary>True when <paramref name="text"/> holds a negation, an injection word or shell text.</summary>
    public static bool Refuses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().ContainsAny(Shell) || text.Contains(" -rf", StringComparison.Ordinal) || text.Contains("n't", StringComparison.OrdinalIgnoreCase) || text.Contains("n’t", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var range in text.AsSpan().SplitAny(" \t\r\n,.!?:\"()[]/"))
        {
            string word = text[range].Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal);
            if (Words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
