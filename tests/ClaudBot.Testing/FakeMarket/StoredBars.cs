using System.Globalization;

namespace ClaudBot.Testing.FakeMarket;

/// <summary>Reads a stored symbol file (canonical CSV) back as bars, by its column names, for comparing with the fixture.</summary>
public static class StoredBars
{
    public static IReadOnlyList<FakeBar> Read(string path, string symbol)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int Column(string name) => Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path} has no {name} column: {lines[0]}");
        var (date, open, high, low, close, volume) = (Column("Date"), Column("Open"), Column("High"), Column("Low"), Column("Close"), Column("Volume"));
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            string[] cells = line.Split(',');
            double Number(int column) => double.Parse(cells[column], CultureInfo.InvariantCulture);
            return new FakeBar(symbol, DateOnly.ParseExact(cells[date][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Number(open), Number(high), Number(low), Number(close), (long)Number(volume));
        })];
    }

    /// <summary>Every file under <paramref name="folder"/> with its bytes, to show that nothing changed.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(folder, path)] = File.Exists(path) ? Convert.ToBase64String(File.ReadAllBytes(path)) : "<folder>";
            }
        }

        return files;
    }
}
