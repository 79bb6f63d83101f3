using System.Globalization;
using ClaudBot.Engine.Text;
using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData.Actions;

/// <summary>Reads one line of <c>actions.csv</c> (see <see cref="ActionsFile"/> for the layout).</summary>
internal static class ActionRowParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "dd-MMM-yyyy", "d-MMM-yyyy"];

    /// <summary>The row, or the reason it is bad (with the symbol it names when that could be read).</summary>
    public static (ActionRow? Row, string? Symbol, string? Problem) Parse(string[] fields, ActionsColumns columns, int lineNumber)
    {
        string Field(int index) => index >= 0 && index < fields.Length ? fields[index].Trim().Trim('"').Trim() : string.Empty;

        string symbolText = Field(columns.Symbol);
        string symbol = SymbolName.Normalize(symbolText);
        if (symbol.Length == 0 || !SymbolName.IsValid(symbol))
        {
            return (null, null, $"'{UserText.Excerpt(symbolText)}' is not a valid symbol (expected date,symbol,ratio)");
        }

        string dateText = Field(columns.Date);
        if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, symbol, $"the date '{UserText.Excerpt(dateText)}' is not YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or DD-Mon-YYYY");
        }

        string kind = Field(columns.Kind).ToLowerInvariant();
        switch (kind)
        {
            case "" or "split" or "bonus":
                string ratioText = Field(columns.Ratio);
                return TryPositive(ratioText, out double ratio)
                    ? (new ActionRow(lineNumber, new SplitEvent(symbol, date, ratio), null), symbol, null)
                    : (null, symbol, $"the ratio '{UserText.Excerpt(ratioText)}' is not a number greater than 0 (a 1:2 split or a 1:1 bonus is 2)");
            case "dividend":
                string amountText = Field(columns.Amount) is { Length: > 0 } amount ? amount : Field(columns.Ratio);
                return double.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out double perShare) && perShare >= 0 && double.IsFinite(perShare)
                    ? (new ActionRow(lineNumber, null, new DividendEvent(symbol, date, perShare)), symbol, null)
                    : (null, symbol, $"the dividend '{UserText.Excerpt(amountText)}' is not an amount per share of 0 or more");
            default:
                return (null, symbol, $"the kind '{UserText.Excerpt(kind)}' is not split, bonus or dividend");
        }
    }

    private static bool TryPositive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);
}
