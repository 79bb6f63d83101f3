using System.Globalization;
using ClaudBot.MarketData;

namespace ClaudBot.Doctor;

/// <summary>The market data the bot plans with, and the free space where data and results are written.</summary>
internal static class StorageChecks
{
    // Below these a sweep's results file (127 MB for 29,400 backtests) or the queue's log may not fit.
    private const long WarnBytes = 1L << 30;
    private const long FailBytes = 200L << 20;

    public static DoctorCheck CheckMarketData(IMarketData data, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return DoctorCheck.Fail("market data", $"{folder} does not exist: set MarketData:Directory to a folder of SYMBOL.csv files");
        }

        int count = data.Symbols.Count;
        return count == 0 || data.LastDay is not { } last
            ? DoctorCheck.Fail("market data", $"no readable SYMBOL.csv in {folder}")
            : DoctorCheck.Ok("market data", $"{count} symbols, last day {last:yyyy-MM-dd}, in {folder}");
    }

    /// <summary>Free space on each distinct volume among <paramref name="folders"/> (a folder not made yet counts as its nearest existing parent).</summary>
    public static DoctorCheck CheckDisk(IEnumerable<string> folders)
    {
        var worst = folders
            .Select(NearestExisting)
            .Select(path => (Path: path, Free: new DriveInfo(path).AvailableFreeSpace))
            .MinBy(v => v.Free);
        string detail = $"{Gigabytes(worst.Free)} free where data and results are written ({worst.Path})";
        return worst.Free < FailBytes ? DoctorCheck.Fail("disk", detail)
            : worst.Free < WarnBytes ? DoctorCheck.Warn("disk", detail)
            : DoctorCheck.Ok("disk", detail);
    }

    private static string NearestExisting(string folder)
    {
        var current = new DirectoryInfo(folder);
        while (!current.Exists && current.Parent is not null)
        {
            current = current.Parent;
        }

        return current.FullName;
    }

    private static string Gigabytes(long bytes) => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GB";
}
