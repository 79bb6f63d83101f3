using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// A result's strategy as the parser's canonical text, <c>rsi(period=14, lower=30, upper=70)</c>, or the
/// bare name when it has no parameters: the same text as <c>StrategyParameters.ToString()</c> in
/// ClaudBot.Engine (values as <c>0.########</c>, in the order written, which is the definition's order; the exits
/// <c>stop</c>, <c>target</c> and <c>trail</c> last, in percent, with their '%').
/// Built from the file rather than by the parser, so a file naming a strategy this build does not know
/// still reads; the tests check that the text parses back to the same parameters.
/// </summary>
internal static class StrategyText
{
    private const int MaxStackName = 64;

    /// <param name="scratch">Reused between calls, so only the finished text is allocated.</param>
    /// <param name="parametersJson">A <c>params</c> object already checked to hold only numbers.</param>
    public static string Format(StringBuilder scratch, string name, ReadOnlySpan<byte> parametersJson)
    {
        var reader = new Utf8JsonReader(parametersJson);
        var text = scratch.Clear().Append(name);
        bool any = false;
        bool exit = false;
        Span<char> parameter = stackalloc char[MaxStackName];
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                text.Append(any ? ", " : "(");
                exit = reader.ValueTextEquals("stop"u8) || reader.ValueTextEquals("target"u8) || reader.ValueTextEquals("trail"u8);

                // A name never has more UTF-16 chars than UTF-8 bytes.
                _ = reader.ValueSpan.Length <= MaxStackName
                    ? text.Append(parameter[..reader.CopyString(parameter)])
                    : text.Append(reader.GetString());
                text.Append('=');
                any = true;
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                text.Append(CultureInfo.InvariantCulture, $"{reader.GetDouble():0.########}").Append(exit ? "%" : string.Empty);
            }
        }

        return any ? text.Append(')').ToString() : name;
    }
}
