using System.Globalization;
using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Symbols;
using Microsoft.Extensions.Options;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// <c>claudbot data update</c> and the chat's "update data": fetches the days each symbol lacks, up to the last finished
/// session in India, into the user's store (<see cref="UserBarStore"/>, raw prices; splits go to its actions.csv). Reads
/// what is stored from this machine's data (<see cref="MarketDataStore"/>), whatever the client's target. Resumes a run
/// cut short (<see cref="UpdateJournal"/>); offline, it says so and changes nothing.
/// </summary>
public sealed class MarketDataUpdater(MarketDataStore data, IOptions<MarketDataOptions> dataOptions, IOptions<UpdateOptions> options, HttpClient http, TimeProvider time)
{
    /// <summary>India's offset: no daylight saving, so fixed.</summary>
    public static readonly TimeSpan IndiaOffset = TimeSpan.FromHours(5.5);

    /// <summary>A day's bar is whole once the session is over (15:30) and the exchange has settled it; before, it is live.</summary>
    public static readonly TimeOnly SessionSettled = new(16, 0);

    /// <exception cref="MarketDataException">No user data folder is configured.</exception>
    public async Task<UpdateReport> RunAsync(UpdateRequest request, IProgress<UpdateProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string directory = dataOptions.Value.ResolveUserDirectory()
            ?? throw new MarketDataException("No folder for your own data is set (MarketData:UserDirectory).");
        var now = time.GetUtcNow();
        var to = LastFetchable(request.To, now);
        var targets = await TargetsAsync(request, to, cancellationToken).ConfigureAwait(false);
        var journal = UpdateJournal.Open(directory, request.Source, to);
        var client = new PoliteClient(http, options.Value, time);
        var run = new UpdateRun(client, new UserBarStore(directory, time), journal, data, progress);
        string? stopped = null;
        try
        {
            if (request.Source == UpdateSource.Yahoo)
            {
                await YahooUpdate.RunAsync(run, options.Value.YahooUrl, targets, now, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await NseUpdate.RunAsync(run, options.Value.NseUrl, directory, targets, cancellationToken).ConfigureAwait(false);
            }

            journal.Finish();
        }
        catch (SourceUnreachableException offline)
        {
            stopped = run.Changed || journal.DoneCount > 0
                ? $"Lost the connection: {offline.Message}. What was fetched is kept; run the update again to fetch the rest."
                : $"Offline: {offline.Message}; nothing was changed.";
        }
        catch (Exception failed) when (failed is MarketDataException or HttpRequestException or IOException or TimeoutException)
        {
            stopped = $"Stopped: {failed.Message}. What was fetched is kept; run the update again to fetch the rest.";
        }

        return new UpdateReport(request.Source, to, run.Outcomes(targets), client.Requests, client.Retries, run.EmptyDays, run.SplitsRecorded, stopped);
    }

    /// <summary>The last day whose bar can be fetched whole: the day asked (default today), but never a session not yet settled.</summary>
    public static DateOnly LastFetchable(DateOnly? asked, DateTimeOffset now)
    {
        var india = now.ToOffset(IndiaOffset);
        var today = DateOnly.FromDateTime(india.DateTime);
        var settled = TimeOnly.FromDateTime(india.DateTime) >= SessionSettled ? today : today.AddDays(-1);
        return asked is { } day && day < settled ? day : settled;
    }

    private async Task<List<UpdateTarget>> TargetsAsync(UpdateRequest request, DateOnly to, CancellationToken cancellationToken)
    {
        var names = request.Symbols.Count == 0 ? data.Symbols : request.Symbols;
        var targets = new List<UpdateTarget>(names.Count);
        foreach (string name in names)
        {
            var target = await TargetAsync(name, request.From, to, cancellationToken).ConfigureAwait(false);
            if (!targets.Exists(t => t.Symbol == target.Symbol))
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    private async Task<UpdateTarget> TargetAsync(string name, DateOnly? from, DateOnly to, CancellationToken cancellationToken)
    {
        string symbol;
        try
        {
            symbol = data.Resolve(name).Symbol;
        }
        catch (UnknownSymbolException)
        {
            // Not in the data yet: a new symbol, fetched from --from.
            symbol = SymbolName.Normalize(name);
            return from is null
                ? new UpdateTarget(symbol, [], $"{symbol} is not in the data yet: say from which day to fetch it with --from DATE")
                : new UpdateTarget(symbol, MissingDays.Of(null, null, from, to)!);
        }
        catch (InvalidSymbolException invalid)
        {
            return new UpdateTarget(SymbolName.Normalize(name), [], invalid.Message);
        }

        try
        {
            var bars = (await data.LoadAsync(symbol, lenient: true, cancellationToken).ConfigureAwait(false)).Bars;
            var missing = bars.Count == 0
                ? MissingDays.Of(null, null, from, to)
                : MissingDays.Of(bars.FirstDate, bars.LastDate, from, to);
            return missing is null
                ? new UpdateTarget(symbol, [], string.Create(CultureInfo.InvariantCulture, $"{symbol} has no rows yet: say from which day to fetch it with --from DATE"))
                : new UpdateTarget(symbol, missing);
        }
        catch (MarketDataException unreadable)
        {
            return new UpdateTarget(symbol, [], unreadable.Message);
        }
    }
}
