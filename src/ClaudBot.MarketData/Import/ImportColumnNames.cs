namespace ClaudBot.MarketData.Import;

/// <summary>
/// The column names of the common exports (Yahoo, Kite, NSE's bhavcopies old and UDiFF, NSE's and brokers' downloads),
/// each with a rank: where a file has two names for one thing, the lower rank is read.
/// </summary>
internal static class ImportColumnNames
{
    private static readonly Dictionary<string, (ImportColumn Column, int Rank)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DATE"] = (ImportColumn.Date, 0),
        ["TIMESTAMP"] = (ImportColumn.Date, 1),
        ["TRADDT"] = (ImportColumn.Date, 1),
        ["DATETIME"] = (ImportColumn.Date, 2),
        ["OPEN"] = (ImportColumn.Open, 0),
        ["OPNPRIC"] = (ImportColumn.Open, 0),
        ["OPENPRICE"] = (ImportColumn.Open, 0),
        ["HIGH"] = (ImportColumn.High, 0),
        ["HGHPRIC"] = (ImportColumn.High, 0),
        ["HIGHPRICE"] = (ImportColumn.High, 0),
        ["LOW"] = (ImportColumn.Low, 0),
        ["LWPRIC"] = (ImportColumn.Low, 0),
        ["LOWPRICE"] = (ImportColumn.Low, 0),
        ["CLOSE"] = (ImportColumn.Close, 0),
        ["CLSPRIC"] = (ImportColumn.Close, 0),
        ["CLOSEPRICE"] = (ImportColumn.Close, 0),
        ["LTP"] = (ImportColumn.Close, 1),
        ["ADJCLOSE"] = (ImportColumn.Close, 2),
        ["VOLUME"] = (ImportColumn.Volume, 0),
        ["TOTTRDQTY"] = (ImportColumn.Volume, 0),
        ["SHARESTRADED"] = (ImportColumn.Volume, 0),
        ["TTLTRADGVOL"] = (ImportColumn.Volume, 0),
        ["TOTALTRADEDQUANTITY"] = (ImportColumn.Volume, 0),
        ["STOCKSPLITS"] = (ImportColumn.Splits, 0),
        ["SYMBOL"] = (ImportColumn.Symbol, 0),
        ["TCKRSYMB"] = (ImportColumn.Symbol, 0),
        ["SERIES"] = (ImportColumn.Series, 0),
        ["SCTYSRS"] = (ImportColumn.Series, 0),
    };

    public static (ImportColumn Column, int Rank) Identify(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[Math.Min(name.Length, 64)];
        int length = 0;
        foreach (char c in name)
        {
            if (c is not (' ' or '_' or '.') && length < key.Length)
            {
                key[length++] = c;
            }
        }

        var lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(key[..length], out var found) ? found : (ImportColumn.Ignored, 0);
    }
}
