using System.Globalization;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>A copy of some bundled CSVs in a test's folder, with one bar's close changed: another box's data.</summary>
internal static class EditedData
{
    /// <summary>Copies <paramref name="symbols"/>' files into <paramref name="directory"/> and returns it.</summary>
    public static string Copy(string directory, params string[] symbols)
    {
        Directory.CreateDirectory(directory);
        foreach (string symbol in symbols)
        {
            File.Copy(Path.Combine(TestServices.DataDirectory, symbol + ".csv"), Path.Combine(directory, symbol + ".csv"), overwrite: true);
        }

        return directory;
    }

    /// <summary>Adds one rupee to the close of <paramref name="symbol"/>'s first bar on or after <paramref name="day"/>.</summary>
    public static void ChangeClose(string directory, string symbol, DateOnly day)
    {
        string path = Path.Combine(directory, symbol + ".csv");
        var rows = File.ReadAllLines(path);
        string prefix = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        int row = Array.FindIndex(rows, 1, r => string.CompareOrdinal(r[..10], day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) >= 0);
        var cells = rows[row].Split(',');
        Assert.StartsWith(prefix, cells[0], StringComparison.Ordinal);
        cells[4] = (double.Parse(cells[4], CultureInfo.InvariantCulture) + 1).ToString("R", CultureInfo.InvariantCulture);
        rows[row] = string.Join(',', cells);
        File.WriteAllLines(path, rows);
    }
}
