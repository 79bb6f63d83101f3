using System.Globalization;
using ClaudBot.Bot.Replies;
using ClaudBot.Engine.Strategies;
using ClaudBot.Hosting.Strategies;
using ClaudBot.Intents.Catalog;
using ClaudBot.MarketData;

namespace ClaudBot.Bot.Actions;

/// <summary>What the bot knows: strategies (built-in and saved rules), symbols, and help (only the intents the asker may run).</summary>
public sealed class CatalogActions(IntentCatalog catalog, IMarketData marketData, SavedRuleFiles savedRules) : IIntentAction
{
    public IReadOnlyList<string> Intents { get; } = ["list_strategies", "list_symbols", "help"];

    public Task<Reply> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.Match.Intent switch
        {
            "list_strategies" => Strategies(),
            "list_symbols" => Reply.Text($"{marketData.Symbols.Count} symbols: {string.Join(", ", marketData.Symbols)}. Universe: nifty50 (all of them)."),
            _ => Help(context.Message.User.Role ?? IntentRole.Viewer),
        });
    }

    /// <summary>Every intent <paramref name="role"/> may run, with what it does and one way to say it.</summary>
    public Reply Help(IntentRole role)
    {
        var rows = catalog.Intents
            .Where(i => role == IntentRole.Operator || i.Role == IntentRole.Viewer)
            .Select(i => (IReadOnlyList<string>)[(i.Examples.Count > 0 ? i.Examples[0] : null) ?? i.Name.Replace('_', ' '), i.Description])
            .ToList();
        var parts = new List<ReplyPart> { new TablePart("What you can ask", ["Say", "To"], rows) };
        parts.Add(new TextPart(role == IntentRole.Operator
            ? "Periods: 2020-2024, FY2023, last 3 years, from 2020-01-01 to 2024-12-31. Strategy parameters: rsi(period=10); grids: rsi(period=7..21 step 7). "
                + "Rules of your own: 'backtest buy when rsi(2) < 10, sell when rsi(2) > 70 on TCS', 'hold while sma(50) > sma(200)'; then 'save it as NAME'."
            : "Your role is viewer: you can look, not change. Ask the bot's owner for operator rights to run jobs."));
        return new Reply(parts);
    }

    private Reply Strategies()
    {
        var rows = StrategyCatalog.All.Select(d => (IReadOnlyList<string>)
        [
            d.Name,
            d.Description,
            d.Parameters.Count == 0 ? "-" : string.Join(", ", d.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Default}"))),
        ]).ToList();
        var parts = new List<ReplyPart>
        {
            new TablePart("Strategies", ["Name", "Rule", "Parameters (defaults)"], rows),
            new TextPart("Grids run every combination, e.g. rsi(period=7..21 step 7, lower=25|30)."),
        };

        // A saved rule that no longer reads (a hand-edited file) is listed with why, so it can be fixed or removed.
        var saved = savedRules.List();
        parts.Add(saved.Count == 0
            ? new TextPart("No saved rules yet. Write one (e.g. 'check buy when rsi(2) < 10, sell when rsi(2) > 70'), then 'save it as NAME'.")
            : new TablePart("Saved rules", ["Name", "Rule"], [.. saved.Select(r => (IReadOnlyList<string>)[r.Name, r.Error ?? r.Rule])]));
        return new Reply(parts);
    }
}
