namespace ClaudBot.MarketData.Import;

/// <summary>What became of one data row.</summary>
internal enum RowStatus
{
    /// <summary>A bar.</summary>
    Good,

    /// <summary>A row with a blank, <c>-</c> or <c>null</c> cell (a holiday or a gap): left out, with its reason in the report.</summary>
    Skipped,

    /// <summary>A bhavcopy row of a series other than EQ (bonds, ETFs' other series, SME): not stock bars, left out silently.</summary>
    OtherSeries,

    /// <summary>A row that is wrong (not a number, High below Low): the import stops with the file and line.</summary>
    Bad,
}
