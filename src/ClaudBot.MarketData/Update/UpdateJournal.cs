using System.Text.Json;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// What a run has finished (symbols for Yahoo, days for NSE), in <c>.update/journal.json</c> in the user's store, so a
/// run cut short (kill -9, a lost connection) and started again with the same source and last day fetches none of it
/// again. Rewritten whole after each unit (beside, then renamed); deleted when a run ends.
/// </summary>
internal sealed class UpdateJournal
{
    public const string FolderName = ".update";

    private readonly string _path;
    private readonly Entry _entry;

    private UpdateJournal(string path, Entry entry)
    {
        _path = path;
        _entry = entry;
    }

    public int DoneCount => _entry.Done.Count;

    /// <summary>The journal of a run with this source and last day: what an interrupted one finished, else nothing.</summary>
    public static UpdateJournal Open(string storeDirectory, UpdateSource source, DateOnly to)
    {
        string path = Path.Combine(storeDirectory, FolderName, "journal.json");
        var fresh = new Entry(source.ToString(), to, []);
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize<Entry>(File.ReadAllText(path)) is { } found
                && found.Source == fresh.Source && found.To == to && found.Done is not null)
            {
                return new UpdateJournal(path, found with { Done = [.. found.Done] });
            }
        }
        catch (JsonException)
        {
            // A journal that cannot be read only costs fetching again what it listed.
        }

        return new UpdateJournal(path, fresh);
    }

    public bool IsDone(string unit) => _entry.Done.Contains(unit);

    public void Done(string unit)
    {
        _entry.Done.Add(unit);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string partial = _path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(_entry));
        File.Move(partial, _path, overwrite: true);
    }

    public void Finish()
    {
        File.Delete(_path);
    }

    private sealed record Entry(string Source, DateOnly To, HashSet<string> Done);
}
