using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// Builds the <see cref="ParameterEffect"/> of every varied parameter while results stream past: a few running sums per
/// (strategy, parameter, value), never the results themselves. A parameter with more than <see cref="MaxValues"/>
/// values is left out (too fine to read as a table).
/// </summary>
internal sealed class ParameterEffects
{
    public const int MaxValues = 1_000;

    private readonly List<Cell> _cells = [];
    private readonly Dictionary<string, int> _cellIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _byParameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<(string Strategy, string Parameter), int> _valuesPerParameter = [];

    public ParameterEffects() => _lookup = _byParameters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cells a result of this strategy and parameter set adds to (the caller may keep them per parameter set).</summary>
    public int[] CellsOf(ReadOnlySpan<byte> strategy, ReadOnlySpan<byte> parameters)
    {
        string name = Encoding.UTF8.GetString(strategy);
        var cells = new List<int>(4);
        var reader = new Utf8JsonReader(parameters);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return [];
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string parameter = reader.GetString()!;
            reader.Read();
            string? value = reader.TokenType switch
            {
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.True or JsonTokenType.False => reader.GetBoolean() ? "true" : "false",
                _ => null,
            };
            if (value is null)
            {
                reader.Skip();
                continue;
            }

            string key = $"{name}\0{parameter}\0{value}";
            if (!_cellIndex.TryGetValue(key, out int index))
            {
                int count = _valuesPerParameter.GetValueOrDefault((name, parameter));
                _valuesPerParameter[(name, parameter)] = count + 1;
                index = _cells.Count;
                _cells.Add(new Cell(name, parameter, value));
                _cellIndex.Add(key, index);
            }

            cells.Add(index);
        }

        return [.. cells];
    }

    /// <summary>A successful result of the parameter set whose cells are <paramref name="cells"/>.</summary>
    public void Add(int[] cells, double sharpe, double totalReturn)
    {
        foreach (int index in cells)
        {
            _cells[index].Add(sharpe, totalReturn);
        }
    }

    /// <summary>A successful result, its parameter set looked up by text (for readers that do not know it by index).</summary>
    public void Add(ReadOnlySpan<byte> strategy, ReadOnlySpan<byte> parameters, double sharpe, double totalReturn)
    {
        int length = strategy.Length + 1 + parameters.Length;
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        int written = Encoding.UTF8.GetChars(strategy, text);
        text[written++] = '\0';
        written += Encoding.UTF8.GetChars(parameters, text[written..]);
        text = text[..written];
        if (!_lookup.TryGetValue(text, out var cells))
        {
            cells = CellsOf(strategy, parameters);
            _byParameters.Add(text.ToString(), cells);
        }

        Add(cells, sharpe, totalReturn);
    }

    /// <summary>Every parameter that took at least two values and at most <see cref="MaxValues"/>.</summary>
    public IReadOnlyList<ParameterEffect> Build() =>
        [.. _cells.Where(c => c.Backtests > 0)
            .GroupBy(c => (c.Strategy, c.Parameter))
            .Where(g => g.Count() >= 2 && _valuesPerParameter[g.Key] <= MaxValues)
            .Select(g => new ParameterEffect(g.Key.Strategy, g.Key.Parameter, [.. Order(g).Select(c => c.Effect())]))];

    private static IEnumerable<Cell> Order(IEnumerable<Cell> cells)
    {
        var list = cells.ToList();
        bool numeric = list.All(c => double.TryParse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? list.OrderBy(c => double.Parse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture))
            : list.OrderBy(c => c.Value, StringComparer.Ordinal);
    }

    private sealed class Cell(string strategy, string parameter, string value)
    {
        private int _finiteSharpe;
        private double _sharpeSum;
        private double _bestSharpe = double.NegativeInfinity;
        private int _finiteReturn;
        private double _returnSum;
        private int _positive;

        public string Strategy => strategy;

        public string Parameter => parameter;

        public string Value => value;

        public int Backtests { get; private set; }

        public void Add(double sharpe, double totalReturn)
        {
            Backtests++;
            if (double.IsFinite(sharpe))
            {
                _finiteSharpe++;
                _sharpeSum += sharpe;
                _bestSharpe = Math.Max(_bestSharpe, sharpe);
            }

            if (double.IsFinite(totalReturn))
            {
                _finiteReturn++;
                _returnSum += totalReturn;
                _positive += totalReturn > 0 ? 1 : 0;
            }
        }

        public ParameterValueEffect Effect() => new(
            value,
            Backtests,
            _finiteSharpe > 0 ? _sharpeSum / _finiteSharpe : null,
            _finiteSharpe > 0 ? _bestSharpe : null,
            _finiteReturn > 0 ? _returnSum / _finiteReturn : null,
            (double)_positive / Backtests);
    }
}
