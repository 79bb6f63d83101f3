using System.Collections;
using System.Text;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// Ranks a job's rows as they are stored (<see cref="SummaryFold"/>: the one ranking, each metric's leaders, the sweep's
/// surface, each parameter's effect), and keeps the distinct errors the failed rows name: the summary comes out of
/// the same pass that writes the rows, never from reading them back.
/// </summary>
internal sealed class StoreFold
{
    /// <summary>Distinct error texts a job keeps; a job whose tasks fail for more reasons than this names the rest as one.</summary>
    public const int MaxErrorsKept = 1_000;

    /// <summary>What a failed row past <see cref="MaxErrorsKept"/> distinct errors says.</summary>
    public static readonly string Overflow = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(more than {MaxErrorsKept:N0} distinct errors: this one's text was not kept)");

    private readonly SummaryFold _summary;
    private readonly IReadOnlyList<ParameterSet> _parameterSets;
    private readonly int[]?[] _cells;
    private readonly byte[][] _symbols;
    private readonly List<string> _errors = [];
    private readonly List<byte[]> _errorBytes = [];
    private readonly Dictionary<string, int> _errorNumbers = new(StringComparer.Ordinal);
    private readonly BitArray _seen;
    private byte[] _marketIndex = [];

    public StoreFold(int top, IReadOnlyList<ParameterSet> parameterSets, IReadOnlyList<string> symbols)
    {
        _summary = new SummaryFold(top);
        _parameterSets = parameterSets;
        _cells = new int[]?[parameterSets.Count];
        _symbols = [.. symbols.Select(Encoding.UTF8.GetBytes)];
        Tasks = (long)parameterSets.Count * symbols.Count;
        _seen = new BitArray((int)Tasks);
    }

    /// <summary>Every task of the job: parameter sets times symbols.</summary>
    public long Tasks { get; }

    /// <summary>Tasks folded so far.</summary>
    public long Folded { get; private set; }

    /// <summary>The job-wide error texts failed rows name by number.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public string? MarketIndex { get; private set; }

    public void NoteMarketIndex(string? label)
    {
        if (MarketIndex is null && label is not null)
        {
            MarketIndex = label;
            _marketIndex = Encoding.UTF8.GetBytes(label);
        }
    }

    /// <summary>The job-wide number of an error, or null when it has none yet.</summary>
    public int? KnownNumber(string error) => _errorNumbers.TryGetValue(error, out int number) ? number : null;

    /// <summary>An error numbered elsewhere (the queue server keeps a job's numbers, so a restarted driver reads the same).</summary>
    public void Know(int number, string error)
    {
        while (_errors.Count <= number)
        {
            _errors.Add(string.Empty);
            _errorBytes.Add([]);
        }

        _errors[number] = error;
        _errorBytes[number] = Encoding.UTF8.GetBytes(error);
        _errorNumbers[error] = number;
    }

    /// <summary>The job-wide number of an error, adding it the first time it is seen.</summary>
    public int ErrorNumber(string error)
    {
        if (_errorNumbers.TryGetValue(error, out int number))
        {
            return number;
        }

        if (_errors.Count >= MaxErrorsKept)
        {
            error = Overflow;
            if (_errorNumbers.TryGetValue(error, out number))
            {
                return number;
            }
        }

        number = _errors.Count;
        _errors.Add(error);
        _errorBytes.Add(Encoding.UTF8.GetBytes(error));
        _errorNumbers.Add(error, number);
        return number;
    }

    /// <summary>Task <paramref name="task"/>'s row, its error (if failed) already numbered job-wide.</summary>
    /// <exception cref="IOException">The task is not one of the job's, or was folded already.</exception>
    public void Add(long task, in StoredRow row)
    {
        if (task < 0 || task >= Tasks || _seen[(int)task])
        {
            throw new IOException(task < 0 || task >= Tasks ? $"A result for task {task} of a job of {Tasks} tasks." : $"Task {task}'s result came twice.");
        }

        _seen[(int)task] = true;
        Folded++;
        int set = (int)(task % _parameterSets.Count);
        var parameters = _parameterSets[set];
        var symbol = _symbols[(int)(task / _parameterSets.Count)];
        var error = row.Failed ? _errorBytes[row.TradesOrError] : [];
        var element = ResultElement.Of((int)task, row, parameters, symbol, _marketIndex, error);

        // A parameter set's cells are found once per job, not once per symbol.
        _summary.Add(element, row.Failed ? null : _cells[set] ??= _summary.Effects.CellsOf(parameters.Strategy, parameters.ParamsJson));
    }

    public ResultsSummary Summary(ResultsSummary header) => _summary.Complete(header);
}
