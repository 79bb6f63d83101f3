using System.IO.Compression;
using System.Text;

namespace ClaudBot.MarketData.Tests.Import;

/// <summary>NSE bhavcopies in their published layouts: the old one (to July 2024) and UDiFF (from July 2024).</summary>
public static class Bhavcopies
{
    // The old files end every line with a comma, so the header has an empty 14th column.
    public const string OldHeader = "SYMBOL,SERIES,OPEN,HIGH,LOW,CLOSE,LAST,PREVCLOSE,TOTTRDQTY,TOTTRDVAL,TIMESTAMP,TOTALTRADES,ISIN,";

    public const string UdiffHeader =
        "TradDt,BizDt,Sgmt,Src,FinInstrmTp,FinInstrmId,ISIN,TckrSymb,SctySrs,XpryDt,FininstrmActlXpryDt,StrkPric,OptnTp,FinInstrmNm," +
        "OpnPric,HghPric,LwPric,ClsPric,LastPric,PrvsClsgPric,UndrlygPric,SttlmPric,OpnIntrst,ChngInOpnIntrst,TtlTradgVol,TtlTrfVal," +
        "TtlNbOfTxsExctd,SsnId,NewBrdLotQty,Rmks,Rsvd1,Rsvd2,Rsvd3,Rsvd4";

    public static string OldRow(string symbol, string series, double open, double high, double low, double close, long volume, string date) =>
        FormattableString.Invariant(
            $"{symbol},{series},{open},{high},{low},{close},{close + 0.05},{open - 1},{volume},{volume * close},{date},1234,INE000000000,");

    public static string UdiffRow(string symbol, string series, double open, double high, double low, double close, long volume, string date) =>
        string.Join(',', date, date, "CM,NSE,STK,2885,INE000000000", symbol, series, ",,,", $"{symbol} LTD", Invariant(open), Invariant(high),
            Invariant(low), Invariant(close), Invariant(close + 0.05), Invariant(open - 1), string.Empty, Invariant(close), ",",
            Invariant(volume), Invariant(volume * close), "200000,F1,1,,,,,");

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="text"/> as the only entry of a zip, as NSE's archive serves it.</summary>
    public static void WriteZip(string path, string entryName, string text)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
