using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ClaudBot.Testing.FakeMarket;

/// <summary>
/// NSE's equity bhavcopy of one day, zipped as its archive serves it: the old <c>cmDDMONYYYYbhav.csv</c> layout before
/// 8 July 2024 (every line ends with a comma), the UDiFF <c>BhavCopy_NSE_CM_0_0_0_YYYYMMDD_F_0000.csv</c> layout from then.
/// Besides each symbol's EQ row it holds a block-deal (BL) row of the first symbol at other prices, a government bond (GS)
/// and a stock the tests never ask for, as the real files hold hundreds of other rows.
/// </summary>
public static class BhavcopyZip
{
    public static readonly DateOnly UdiffFrom = new(2024, 7, 8);

    public const string OldHeader = "SYMBOL,SERIES,OPEN,HIGH,LOW,CLOSE,LAST,PREVCLOSE,TOTTRDQTY,TOTTRDVAL,TIMESTAMP,TOTALTRADES,ISIN,";

    public const string UdiffHeader =
        "TradDt,BizDt,Sgmt,Src,FinInstrmTp,FinInstrmId,ISIN,TckrSymb,SctySrs,XpryDt,FininstrmActlXpryDt,StrkPric,OptnTp,FinInstrmNm," +
        "OpnPric,HghPric,LwPric,ClsPric,LastPric,PrvsClsgPric,UndrlygPric,SttlmPric,OpnIntrst,ChngInOpnIntrst,TtlTradgVol,TtlTrfVal," +
        "TtlNbOfTxsExctd,SsnId,NewBrdLotQty,Rmks,Rsvd1,Rsvd2,Rsvd3,Rsvd4";

    /// <summary>The name of the CSV inside the day's zip (the zip's own name is this plus <c>.zip</c>).</summary>
    public static string EntryName(DateOnly day) => day >= UdiffFrom
        ? string.Create(CultureInfo.InvariantCulture, $"BhavCopy_NSE_CM_0_0_0_{day:yyyyMMdd}_F_0000.csv")
        : string.Create(CultureInfo.InvariantCulture, $"cm{day:dd}{Month(day)}{day:yyyy}bhav.csv");

    /// <summary>The path of the day's zip in NSE's archive.</summary>
    public static string PathOf(DateOnly day) => day >= UdiffFrom
        ? "/content/cm/" + EntryName(day) + ".zip"
        : string.Create(CultureInfo.InvariantCulture, $"/content/historical/EQUITIES/{day:yyyy}/{Month(day)}/{EntryName(day)}.zip");

    public static string Csv(FakeMarketData market, DateOnly day)
    {
        var bars = market.Symbols.Select(s => market.BarOn(s, day)).OfType<FakeBar>().ToList();
        var rows = new List<FakeBar>(bars);
        if (bars.Count > 0)
        {
            var first = bars[0];
            rows.Add(first with { Open = first.Open - 20, High = first.High - 20, Low = first.Low - 30, Close = first.Close - 25, Volume = 500 });
            rows.Add(new FakeBar("ZZOTHERCO", day, 55.5, 57.05, 54.9, 56.75, 123_456));
            rows.Add(new FakeBar("GS2033", day, 99.1, 99.9, 98.95, 99.5, 20));
        }

        string[] series = [.. bars.Select(_ => "EQ"), "BL", "EQ", "GS"];
        var text = new StringBuilder(day >= UdiffFrom ? UdiffHeader : OldHeader).Append('\n');
        for (int i = 0; i < rows.Count; i++)
        {
            text.Append(day >= UdiffFrom ? UdiffRow(rows[i], series[i], i) : OldRow(rows[i], series[i], i)).Append('\n');
        }

        return text.ToString();
    }

    public static byte[] Zip(FakeMarketData market, DateOnly day)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(EntryName(day)).Open(), new UTF8Encoding(false));
            writer.Write(Csv(market, day));
        }

        return buffer.ToArray();
    }

    private static string OldRow(FakeBar bar, string series, int i) => string.Create(CultureInfo.InvariantCulture,
        $"{bar.Symbol},{series},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Close + 0.05:0.00},{bar.Open - 1:0.00},{bar.Volume},{bar.Volume * bar.Close:0.00},{bar.Day:dd}-{Month(bar.Day)}-{bar.Day:yyyy},{1000 + i},INE{i:D6}A01{i % 10},");

    private static string UdiffRow(FakeBar bar, string series, int i) => string.Create(CultureInfo.InvariantCulture,
        $"{bar.Day:yyyy-MM-dd},{bar.Day:yyyy-MM-dd},CM,NSE,STK,{2885 + i},INE{i:D6}A01{i % 10},{bar.Symbol},{series},,,,,{bar.Symbol} LIMITED,{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Close + 0.05:0.00},{bar.Open - 1:0.00},,{bar.Close},,,{bar.Volume},{bar.Volume * bar.Close:0.00},{1000 + i},F1,1,,,,,");

    private static string Month(DateOnly day) => day.ToString("MMM", CultureInfo.InvariantCulture).ToUpperInvariant();
}
