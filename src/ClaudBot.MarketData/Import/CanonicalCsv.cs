using System.Globalization;
using System.Text;
using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Writes a series in the canonical layout (<c>Date,Open,High,Low,Close,Volume</c>, <c>yyyy-MM-dd</c>, invariant
/// round-trip numbers) that <see cref="MarketDataStore"/> reads back to the same doubles. The file is written beside its
/// target and renamed over it, so a process killed mid-write leaves the old file whole.
/// </summary>
internal static class CanonicalCsv
{
    public const string Header = "Date,Open,High,Low,Close,Volume";

    /// <summary>The suffix of a file being written; the store never reads one (it is not <c>*.csv</c>).</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>The file's bytes: UTF-8 without a BOM, <c>\n</c> line ends.</summary>
    public static byte[] Format(BarSeries bars)
    {
        using var buffer = new MemoryStream(64 + (bars.Count * 96));
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            for (int i = 0; i < bars.Count; i++)
            {
                writer.WriteLine(Row(bars, i));
            }
        }

        return buffer.ToArray();
    }

    public static void WriteAtomically(string path, byte[] content)
    {
        string partial = path + "." + Guid.NewGuid().ToString("N") + PartialSuffix;
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);

                // On disk before the rename, so a power cut cannot leave the new name over an empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static string Row(BarSeries bars, int index) => string.Create(CultureInfo.InvariantCulture,
        $"{bars.DateAt(index):yyyy-MM-dd},{bars.Open[index]:R},{bars.High[index]:R},{bars.Low[index]:R},{bars.Close[index]:R},{bars.Volume[index]:R}");
}
