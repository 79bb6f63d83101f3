using ClaudBot.MarketData.Cache;
using Microsoft.Extensions.Logging;

namespace ClaudBot.MarketData;

/// <summary>The log events of the market data, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Market data: {SymbolCount} symbols and {AliasCount} aliases in {Directory}")]
    public static partial void UniverseLoaded(ILogger logger, int symbolCount, int aliasCount, string directory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ignoring {FileName} in the data directory: its name is not a valid symbol or repeats another")]
    public static partial void CsvFileIgnored(ILogger logger, string fileName);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "aliases.csv line {LineNumber}: {Problem}; the line is ignored")]
    public static partial void AliasIgnored(ILogger logger, int lineNumber, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void RowsSkipped(ILogger logger, string warning);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Bar cache for {Symbol} not used ({Status}): {Reason}")]
    public static partial void CacheMiss(ILogger logger, string symbol, BarCacheStatus status, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Bar cache file for {Symbol} is damaged ({Reason}); reading the CSV and rewriting it")]
    public static partial void CacheCorrupt(ILogger logger, string symbol, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Cannot write the bar cache in {CacheDirectory} ({Reason}); carrying on without a cache")]
    public static partial void CacheUnwritable(ILogger logger, string cacheDirectory, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Loaded {Symbol}: {Count} bars, {Source}")]
    public static partial void SeriesLoaded(ILogger logger, string symbol, int count, string source);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{Problem}; the line is ignored")]
    public static partial void ActionsLineIgnored(ILogger logger, string problem);
}
