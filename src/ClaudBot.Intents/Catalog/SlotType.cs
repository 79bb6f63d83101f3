namespace ClaudBot.Intents.Catalog;

/// <summary>The kinds of slot the catalogue can declare; each has its own parser and validation.</summary>
public enum SlotType
{
    Strategies,
    Symbols,
    Period,
    Job,
    WholeNumber,

    /// <summary>One whole number or a few to try ("5", "5|10|20", "5, 10 or 20"), each within the slot's bounds.</summary>
    WholeNumbers,
    Enum,

    /// <summary>A name the user gives something (a saved rule); checked by whatever keeps it.</summary>
    Name,

    /// <summary>Costs, slippage, sizing and whole shares in words ("with zerodha delivery charges, 10 bps slippage").</summary>
    Execution,

    /// <summary>Strategy parameters without a strategy ("period 10", "fast 20 and slow 100"), applied to strategies said elsewhere.</summary>
    Parameters,

    /// <summary>A calendar length ("2 years", "6 months", "90 days"): a walk-forward's in-sample and out-of-sample parts.</summary>
    Length,
}
