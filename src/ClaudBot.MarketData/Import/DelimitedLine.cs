namespace ClaudBot.MarketData.Import;

/// <summary>
/// Splits one line at a delimiter outside double quotes (so <c>"1,002.50"</c> stays one field), into ranges of the line;
/// a field's quotes are removed by <see cref="Unquote"/> when it is read.
/// </summary>
internal static class DelimitedLine
{
    /// <summary>The delimiters a file may use, in the order a tie is settled.</summary>
    public static ReadOnlySpan<char> Candidates => ",;\t|";

    /// <summary>Fills <paramref name="fields"/> with the field ranges and returns how many there are (possibly more than fit).</summary>
    public static int Split(ReadOnlySpan<char> line, char delimiter, Span<Range> fields)
    {
        int count = 0;
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                if (count < fields.Length)
                {
                    fields[count] = start..i;
                }

                count++;
                start = i + 1;
            }
        }

        if (count < fields.Length)
        {
            fields[count] = start..line.Length;
        }

        return count + 1;
    }

    /// <summary>The candidate that occurs most often outside quotes in the header; none found means a one-column file.</summary>
    public static char? Detect(ReadOnlySpan<char> header)
    {
        char? best = null;
        int bestCount = 0;
        foreach (char candidate in Candidates)
        {
            int count = Split(header, candidate, default) - 1;
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>Drops surrounding whitespace and one pair of double quotes (and the whitespace inside them).</summary>
    public static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"')
        {
            field = field[1..^1].Trim();
        }

        return field;
    }
}
