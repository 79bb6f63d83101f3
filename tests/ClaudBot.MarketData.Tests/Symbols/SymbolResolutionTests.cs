using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Symbols;

public sealed class SymbolResolutionTests : IDisposable
{
    private static readonly string[] Files =
        ["RELIANCE", "TCS", "HDFCBANK", "HDFCLIFE", "M&M", "BAJAJ-AUTO", "BAJAJFINSV", "BAJFINANCE", "INFY", "TATASTEEL", "TATACONSUM", "ITC", "LT"];

    private readonly TempDirectory _dir = new();
    private readonly ListLogger<MarketDataStore> _logger = new();
    private readonly MarketDataStore _store;

    public SymbolResolutionTests()
    {
        foreach (string name in Files)
        {
            _dir.Write(name + ".csv", CsvSamples.ThreeGoodRows());
        }

        _dir.Write("notes.txt", "not data");
        _dir.Write("bad name.csv", CsvSamples.ThreeGoodRows());
        _dir.Write("aliases.csv", CsvSamples.Lines(
            "alias,symbol,note",
            "HDFC,HDFCBANK,HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK",
            "RIL,reliance,\"Reliance Industries, the company\"",
            "TCS,INFY,shadows a real symbol",
            "TATAMOTORS,TATAMOTORS,no file",
            "../X,TCS,invalid alias"));
        _store = Stores.Create(_dir.Path, _logger);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Symbols_AreTheCsvFilesUpperCasedAndSorted_WithoutAliasesOrBadNames()
    {
        Assert.Equal(Files.Order(StringComparer.Ordinal), _store.Symbols);
        Assert.Contains("M&M", _store.Symbols);
        Assert.DoesNotContain("ALIASES", _store.Symbols);
        Assert.Contains("Ignoring bad name.csv in the data directory: its name is not a valid symbol or repeats another", _logger.Warnings);
    }

    [Fact]
    public void Resolve_Alias_ReturnsTargetAndNote()
    {
        var resolution = _store.Resolve("HDFC");

        Assert.Equal(new SymbolResolution("HDFC", "HDFCBANK", IsAlias: true, "HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK"), resolution);
    }

    [Fact]
    public void Resolve_AliasNoteWithCommasAndLowerCaseTarget_IsKeptWhole()
    {
        Assert.Equal(new SymbolResolution("RIL", "RELIANCE", IsAlias: true, "Reliance Industries, the company"), _store.Resolve("ril"));
    }

    [Fact]
    public void AliasFile_BadLines_AreIgnoredWithAWarningEach()
    {
        Assert.Equal(new SymbolResolution("TCS", "TCS"), _store.Resolve("TCS"));
        Assert.Throws<UnknownSymbolException>(() => _store.Resolve("TATAMOTORS"));
        Assert.Equal(
            [
                "aliases.csv line 4: 'TCS' is a symbol with its own file, so it cannot be an alias; the line is ignored",
                "aliases.csv line 5: 'TATAMOTORS' points to 'TATAMOTORS', which has no file; the line is ignored",
                "aliases.csv line 6: '../X' is not a valid symbol; the line is ignored",
            ],
            _logger.Warnings.Where(w => w.StartsWith("aliases.csv", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("RELIANCE")]
    [InlineData("reliance")]
    [InlineData("  Reliance\t")]
    public void Resolve_IsCaseInsensitiveAndTrims(string text)
    {
        Assert.Equal(new SymbolResolution("RELIANCE", "RELIANCE"), _store.Resolve(text));
    }

    [Theory]
    [InlineData("M&M", "M&M")]
    [InlineData("m&m", "M&M")]
    [InlineData("bajaj-auto", "BAJAJ-AUTO")]
    public void Resolve_SymbolsWithPunctuation_Resolve(string text, string symbol)
    {
        Assert.Equal(symbol, _store.Resolve(text).Symbol);
        Assert.False(_store.Resolve(text).IsAlias);
    }

    [Theory]
    [InlineData("RELIANC", new[] { "RELIANCE" }, "Unknown symbol \"RELIANC\": did you mean RELIANCE?")]
    [InlineData("hdfcbnk", new[] { "HDFCBANK" }, "Unknown symbol \"HDFCBNK\": did you mean HDFCBANK?")]
    [InlineData("HDF", new[] { "HDFC", "HDFCLIFE" }, "Unknown symbol \"HDF\": did you mean HDFC or HDFCLIFE?")]
    [InlineData("B", new[] { "BAJAJ-AUTO", "BAJAJFINSV", "BAJFINANCE" }, "Unknown symbol \"B\": did you mean BAJAJ-AUTO, BAJAJFINSV or BAJFINANCE?")]
    [InlineData("BAJAJAUTO", new[] { "BAJAJ-AUTO" }, "Unknown symbol \"BAJAJAUTO\": did you mean BAJAJ-AUTO?")]
    [InlineData("BAJAJ", new[] { "BAJAJ-AUTO", "BAJAJFINSV" }, "Unknown symbol \"BAJAJ\": did you mean BAJAJ-AUTO or BAJAJFINSV?")]
    [InlineData("TC", new[] { "TCS", "ITC" }, "Unknown symbol \"TC\": did you mean TCS or ITC?")]
    [InlineData("MM", new[] { "M&M" }, "Unknown symbol \"MM\": did you mean M&M?")]
    [InlineData("TATA", new[] { "TATASTEEL", "TATACONSUM" }, "Unknown symbol \"TATA\": did you mean TATASTEEL or TATACONSUM?")]
    [InlineData("INFOSYS", new[] { "INFY" }, "Unknown symbol \"INFOSYS\": did you mean INFY?")]
    public void Resolve_Typo_SuggestsCloseMatchesBestFirst(string text, string[] suggestions, string message)
    {
        var error = Assert.Throws<UnknownSymbolException>(() => _store.Resolve(text));

        Assert.Equal(suggestions, error.Suggestions);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Resolve_NothingClose_SaysHowToListSymbols()
    {
        var error = Assert.Throws<UnknownSymbolException>(() => _store.Resolve("QWERTYUIOP"));

        Assert.Empty(error.Suggestions);
        Assert.Equal("Unknown symbol \"QWERTYUIOP\": nothing similar among the data; ask for the symbol list to see all 13 available.", error.Message);
    }

    [Theory]
    [InlineData("../etc/passwd", "\"../etc/passwd\" is not a valid symbol")]
    [InlineData("..", "\"..\" is not a valid symbol")]
    [InlineData("TCS;rm -rf /", "\"TCS;rm -rf /\" is not a valid symbol")]
    [InlineData("$(reboot)", "\"$(reboot)\" is not a valid symbol")]
    [InlineData("TCS/../../x", "\"TCS/../../x\" is not a valid symbol")]
    [InlineData("C:\\Windows", "\"C:\\Windows\" is not a valid symbol")]
    [InlineData("RELI ANCE", "\"RELI ANCE\" is not a valid symbol")]
    [InlineData("-rf", "\"-rf\" is not a valid symbol")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "\"ABCDEFGHIJKLMNOPQRSTU\" is not a valid symbol")]
    [InlineData("TCS\u0000", "\"TCS\\u0000\" is not a valid symbol")]
    [InlineData("ÉCOLE", "\"ÉCOLE\" is not a valid symbol")]
    [InlineData("", "An empty symbol is not a valid symbol")]
    [InlineData("   ", "An empty symbol is not a valid symbol")]
    public void Resolve_MalformedText_IsRejectedAsInvalid(string text, string messageStart)
    {
        var error = Assert.Throws<InvalidSymbolException>(() => _store.Resolve(text));

        Assert.Equal(
            messageStart + ": a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).",
            error.Message);
        Assert.Equal(text, error.Input);
    }

    [Fact]
    public void Resolve_VeryLongText_IsShownShortened()
    {
        var error = Assert.Throws<InvalidSymbolException>(() => _store.Resolve(new string('A', 100)));

        // Errors quote a short excerpt (UserText.MaxExcerpt characters and an ellipsis), never the whole input.
        Assert.StartsWith($"\"{new string('A', 40)}…\" is not a valid symbol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_PathTraversal_IsRejectedBeforeAnyFileAccess()
    {
        await Assert.ThrowsAsync<InvalidSymbolException>(() => _store.LoadAsync("../outside").AsTask());
        await Assert.ThrowsAsync<InvalidSymbolException>(() => _store.LoadAsync(_dir.Path + "/TCS").AsTask());
    }

    [Fact]
    public async Task LoadAsync_UnknownOrAlias_ThrowsUnknownWithSuggestions()
    {
        var unknown = await Assert.ThrowsAsync<UnknownSymbolException>(() => _store.LoadAsync("RELIANC").AsTask());
        var alias = await Assert.ThrowsAsync<UnknownSymbolException>(() => _store.LoadAsync("HDFC").AsTask());

        Assert.Equal(["RELIANCE"], unknown.Suggestions);
        Assert.Equal(["HDFCBANK"], alias.Suggestions);
        Assert.Equal("Unknown symbol \"HDFC\": did you mean HDFCBANK?", alias.Message);
    }

    [Fact]
    public async Task LoadAsync_LowerCaseCanonical_LoadsTheSymbol()
    {
        var loaded = await _store.LoadAsync("m&m");

        Assert.Equal("M&M", loaded.Bars.Symbol);
    }

    [Fact]
    public void ResolveAll_SeveralUnknowns_AreReportedInOneError()
    {
        var error = Assert.Throws<UnknownSymbolException>(() => _store.ResolveAll(["TCS", "RELIANC", "QWERTYUIOP", "HDFC", "relianc"]));

        Assert.Equal(["RELIANC", "QWERTYUIOP"], error.Unknown.Select(u => u.Input));
        Assert.Equal(["RELIANCE"], error.Unknown[0].Suggestions);
        Assert.Empty(error.Unknown[1].Suggestions);
        Assert.Equal(["RELIANCE"], error.Suggestions);
        Assert.Equal(
            "Unknown symbols: \"RELIANC\" (did you mean RELIANCE?), \"QWERTYUIOP\" (nothing similar). To see all 13 available, ask for the symbol list.",
            error.Message);
    }

    [Fact]
    public void ResolveAll_AliasAndTargetAndCaseVariants_AreDeduplicatedInFirstSeenOrder()
    {
        var resolved = _store.ResolveAll(["tcs", "HDFC", "HDFCBANK", "hdfcbank", "M&M", "TCS"]);

        Assert.Equal(
            [
                new SymbolResolution("TCS", "TCS"),
                new SymbolResolution("HDFC", "HDFCBANK", IsAlias: true, "HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK"),
                new SymbolResolution("M&M", "M&M"),
            ],
            resolved);
    }

    [Fact]
    public void ResolveAll_InvalidText_ThrowsInvalid()
    {
        Assert.Throws<InvalidSymbolException>(() => _store.ResolveAll(["TCS", "../etc/passwd", "RELIANC"]));
    }

    [Fact]
    public void MissingDataDirectory_FailsWithAClearMessage()
    {
        string missing = _dir.Combine("nope");

        var error = Assert.Throws<MarketDataException>(() => Stores.Create(missing).Symbols);

        Assert.Equal($"The market data directory '{missing}' does not exist.", error.Message);
    }
}
