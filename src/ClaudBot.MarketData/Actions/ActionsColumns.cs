namespace ClaudBot.MarketData.Actions;

/// <summary>
/// Where each field sits in a line of <c>actions.csv</c>: from its header (<c>date,symbol,ratio,kind,amount</c> in any
/// order, case-insensitive) or, with no header, the order <c>date,symbol,ratio[,kind[,amount]]</c>.
/// </summary>
internal sealed record ActionsColumns(int Date, int Symbol, int Ratio, int Kind, int Amount)
{
    public static readonly ActionsColumns Default = new(0, 1, 2, 3, 4);

    /// <summary>The columns of a file <see cref="ActionsFile.Append"/> creates: <c>date,symbol,ratio,kind</c>.</summary>
    public static readonly ActionsColumns Written = new(0, 1, 2, 3, -1);

    public static readonly string[] Names = ["date", "symbol", "ratio", "kind", "amount"];

    /// <summary>The columns of a header line, or null when <paramref name="fields"/> is not one (it names no <c>date</c>).</summary>
    public static ActionsColumns? FromHeader(string[] fields)
    {
        int Find(string name) => Array.FindIndex(fields, f => f.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
        int date = Find("date");
        return date < 0 ? null : new ActionsColumns(date, Find("symbol"), Find("ratio"), Find("kind"), Find("amount"));
    }

    /// <summary>How many fields a line written in this order has.</summary>
    public int Width => new[] { Date, Symbol, Ratio, Kind, Amount }.Max() + 1;
}
