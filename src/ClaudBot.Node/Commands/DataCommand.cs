using System.CommandLine;
using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Hosting;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>claudbot-node data [--data DIR] [--lenient]</c>: checks every CSV in the node's data folder and
/// builds the binary cache, so the first job after a deploy does not pay for CSV parsing. Prints one
/// line per symbol (bars, first and last date) and exits with <see cref="ExitCodes.BadInput"/> if any file is unusable.
/// </summary>
internal static class DataCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<string?>("--data") { Description = "Folder of daily CSV files (default: the bundled data)" };
        var lenient = new Option<bool>("--lenient") { Description = "Skip bad rows instead of failing" };
        var command = new Command("data", "Check the data folder and build its binary cache.") { data, lenient };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(data) is { } folder)
            {
                overrides["MarketData:Directory"] = Path.GetFullPath(folder);
            }

            var builder = ClaudBotHost.CreateBuilder(overrides);
            builder.Services.AddMarketData();
            using var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch (OptionsValidationException invalid)
            {
                await error.WriteLineAsync("Error: " + InputErrors.Describe(invalid));
                return ExitCodes.BadInput;
            }

            return await CheckAsync(host.Services.GetRequiredService<IMarketData>(), parse.GetValue(lenient), output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> CheckAsync(IMarketData marketData, bool lenient, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        int failures = 0;
        long bars = 0;
        foreach (string symbol in marketData.Symbols)
        {
            try
            {
                var loaded = await marketData.LoadAsync(symbol, lenient, cancellationToken);
                bars += loaded.Bars.Count;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{symbol,-12} {loaded.Bars.Count,6} bars  {loaded.Bars.FirstDate:yyyy-MM-dd} to {loaded.Bars.LastDate:yyyy-MM-dd}{(loaded.SkippedRows > 0 ? $"  ({loaded.SkippedRows} rows skipped)" : string.Empty)}"));
            }
            catch (MarketDataException failure)
            {
                failures++;
                await error.WriteLineAsync($"Error: {failure.Message}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{marketData.Symbols.Count} symbols, {bars:N0} bars, {failures} unusable."));
        return failures == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
