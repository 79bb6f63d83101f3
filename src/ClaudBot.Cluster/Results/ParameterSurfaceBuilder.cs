using System.Text;
using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// Collects, while a results file streams past, each parameter set's Sharpe on every symbol, and at the end makes the
/// <see cref="ParameterSurface"/> of a job that swept exactly two parameters of one strategy (none otherwise: several
/// strategies, a rule, one or three varying parameters). Holds one number per successful backtest of at most
/// <see cref="MaxCells"/> parameter sets; a larger grid is too fine to read as a picture and gets no surface.
/// </summary>
internal sealed class ParameterSurfaceBuilder
{
    public const int MaxCells = 10_000;

    // Keyed by the params object's JSON text as written (one writer, so one parameter set is always the same text).
    private readonly Dictionary<string, List<double>> _cells = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Utf8StringPool _names = new();
    private readonly HashSet<string> _symbols = new(StringComparer.Ordinal);
    private string? _strategy;
    private bool _none;

    public ParameterSurfaceBuilder() => _lookup = _cells.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="strategy">The result's strategy name (UTF-8), e.g. <c>rsi</c>; a rule's is its text.</param>
    /// <param name="parameters">The result's <c>params</c> object as written.</param>
    public void Add(ReadOnlySpan<byte> strategy, ReadOnlySpan<byte> symbol, ReadOnlySpan<byte> parameters, double sharpe)
    {
        if (_none)
        {
            return;
        }

        string name = _names.Get(strategy);
        _strategy ??= name;
        if (!string.Equals(_strategy, name, StringComparison.Ordinal))
        {
            Abandon();
            return;
        }

        _symbols.Add(_names.Get(symbol));

        // Decoded onto the stack for the lookup: a result of a known parameter set costs no allocation.
        Span<char> text = parameters.Length <= 512 ? stackalloc char[parameters.Length] : new char[parameters.Length];
        text = text[..Encoding.UTF8.GetChars(parameters, text)];
        if (!_lookup.TryGetValue(text, out var values))
        {
            if (_cells.Count == MaxCells)
            {
                Abandon();
                return;
            }

            values = [];
            _cells.Add(text.ToString(), values);
        }

        if (double.IsFinite(sharpe))
        {
            values.Add(sharpe);
        }
    }

    /// <summary>The surface, or null when the job did not sweep exactly two parameters of one strategy.</summary>
    public ParameterSurface? Build()
    {
        if (_none || _strategy is null || _cells.Count < 4)
        {
            return null;
        }

        var sets = _cells.Select(cell => (Values: Read(cell.Key), Sharpes: cell.Value)).ToList();
        var names = sets[0].Values.Select(v => v.Name).ToList();
        var varying = names.Where(name => sets.Select(s => Value(s.Values, name)).Distinct().Skip(1).Any()).ToList();
        if (varying.Count != 2 || sets.Any(s => s.Values.Count != names.Count))
        {
            return null;
        }

        var (x, y) = (varying[0], varying[1]);
        double[] xs = [.. sets.Select(s => Value(s.Values, x)).Distinct().Order()];
        double[] ys = [.. sets.Select(s => Value(s.Values, y)).Distinct().Order()];
        var median = ys.Select(_ => new double?[xs.Length]).ToArray();
        foreach (var (values, sharpes) in sets)
        {
            median[Array.IndexOf(ys, Value(values, y))][Array.IndexOf(xs, Value(values, x))] = Median.Of(sharpes);
        }

        return new ParameterSurface(_strategy, x, y, xs, ys, median, _symbols.Count);
    }

    private void Abandon()
    {
        _none = true;
        _cells.Clear();
        _symbols.Clear();
    }

    private static List<(string Name, double Value)> Read(string parameters)
    {
        using var document = JsonDocument.Parse(parameters);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetDouble()))];
    }

    private static double Value(List<(string Name, double Value)> values, string name) => values.First(v => v.Name == name).Value;
}
