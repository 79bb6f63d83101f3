using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// One of a job's parameter sets as its results name it, kept once per job rather than once per result: the task's
/// text (<c>rsi(period=14, lower=30, upper=70)</c>, what a failed task shows), and the <c>strategy</c> and <c>params</c>
/// a result's JSON carries, as UTF-8 ready to copy.
/// </summary>
internal sealed record ParameterSet(string Text, byte[] Strategy, byte[] ParamsJson)
{
    /// <summary>The set a task's text names; a text the parser refuses (it never ran) keeps its text and no parameters.</summary>
    public static ParameterSet Of(string text)
    {
        StrategyParameters parsed;
        try
        {
            parsed = StrategyParser.Parse(text).Parameters[0];
        }
        catch (StrategySpecException)
        {
            return new ParameterSet(text, Encoding.UTF8.GetBytes(text), "{}"u8.ToArray());
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ResultJsonWriter.WriteParams(writer, parsed);
        }

        return new ParameterSet(text, Encoding.UTF8.GetBytes(ResultJsonWriter.StrategyName(parsed)), buffer.WrittenSpan.ToArray());
    }
}
