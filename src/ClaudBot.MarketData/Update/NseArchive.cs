using System.Globalization;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// Where NSE's archive keeps a day's equity bhavcopy: the UDiFF file from 8 July 2024 (when NSE switched), the old
/// <c>cmDDMONYYYYbhav.csv.zip</c> before. A day with no session has no file (404).
/// </summary>
internal static class NseArchive
{
    /// <summary>The first day NSE published only the UDiFF bhavcopy.</summary>
    public static readonly DateOnly UdiffFrom = new(2024, 7, 8);

    public static Uri For(Uri archive, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(archive);
        string path = day >= UdiffFrom
            ? string.Create(CultureInfo.InvariantCulture, $"content/cm/BhavCopy_NSE_CM_0_0_0_{day:yyyyMMdd}_F_0000.csv.zip")
            : string.Create(CultureInfo.InvariantCulture, $"content/historical/EQUITIES/{day:yyyy}/{Month(day)}/cm{day:dd}{Month(day)}{day:yyyy}bhav.csv.zip");
        return new Uri(UpdateHttp.Folder(archive), path);
    }

    private static string Month(DateOnly day) => day.ToString("MMM", CultureInfo.InvariantCulture).ToUpperInvariant();
}
