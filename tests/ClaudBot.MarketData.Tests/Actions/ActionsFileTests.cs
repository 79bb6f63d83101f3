using ClaudBot.MarketData.Actions;
using ClaudBot.MarketData.Import;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Actions;

public sealed class ActionsFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ActionsFileContent Read(string text)
    {
        string path = _dir.Write(ActionsFile.FileName, text);
        return ActionsFile.Read(path, "data/actions.csv");
    }

    [Fact]
    public void Read_IssueLayout_DateSymbolRatio_GivesSplits()
    {
        var content = Read("date,symbol,ratio\n2023-05-10,tcs,2\n");

        var row = Assert.Single(content.Rows);
        Assert.Equal(new SplitEvent("TCS", new DateOnly(2023, 5, 10), 2), row.Split);
        Assert.Null(row.Dividend);
        Assert.Empty(content.Problems);
    }

    [Fact]
    public void Read_NoHeader_TakesDateSymbolRatioInOrder()
    {
        var content = Read("10-05-2023,TCS,5\n");

        Assert.Equal(new SplitEvent("TCS", new DateOnly(2023, 5, 10), 5), Assert.Single(content.Rows).Split);
    }

    [Fact]
    public void Read_KindsAndDateFormats_BonusIsASplitAndDividendTakesTheAmountColumn()
    {
        var content = Read("symbol,date,kind,ratio,amount\r\nTCS,10/05/2023,bonus,2,\r\nINFY,25-Jun-2024,dividend,,18.5\r\nWIPRO,2024-01-02,Dividend,3,\r\n");

        Assert.Empty(content.Problems);
        Assert.Equal(new SplitEvent("TCS", new DateOnly(2023, 5, 10), 2), content.Rows[0].Split);
        Assert.Equal(new DividendEvent("INFY", new DateOnly(2024, 6, 25), 18.5), content.Rows[1].Dividend);
        Assert.Equal(new DividendEvent("WIPRO", new DateOnly(2024, 1, 2), 3), content.Rows[2].Dividend);
    }

    [Theory]
    [InlineData("2023-05-10,TCS,0", "TCS", "data/actions.csv line 2: the ratio '0' is not a number greater than 0 (a 1:2 split or a 1:1 bonus is 2)")]
    [InlineData("2023-05-10,TCS,-2", "TCS", "data/actions.csv line 2: the ratio '-2' is not a number greater than 0 (a 1:2 split or a 1:1 bonus is 2)")]
    [InlineData("2023-05-10,TCS,two", "TCS", "data/actions.csv line 2: the ratio 'two' is not a number greater than 0 (a 1:2 split or a 1:1 bonus is 2)")]
    [InlineData("May 10 2023,TCS,2", "TCS", "data/actions.csv line 2: the date 'May 10 2023' is not YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or DD-Mon-YYYY")]
    [InlineData("2023-05-10,TCS,2,merger", "TCS", "data/actions.csv line 2: the kind 'merger' is not split, bonus or dividend")]
    [InlineData("2023-05-10,T C S,2", null, "data/actions.csv line 2: 'T C S' is not a valid symbol (expected date,symbol,ratio)")]
    public void Read_BadLine_IsOneProblemNamingFileAndLine_AndTheGoodLinesStay(string line, string? symbol, string message)
    {
        var content = Read($"date,symbol,ratio,kind\n{line}\n2024-01-01,INFY,2\n");

        var problem = Assert.Single(content.Problems);
        Assert.Equal(symbol, problem.Symbol);
        Assert.Equal(message, problem.Message);
        Assert.Equal("INFY", Assert.Single(content.Rows).Symbol);
    }

    [Fact]
    public void Append_CreatesTheFileWithAHeader_AndSkipsSplitsAlreadyThere()
    {
        string folder = _dir.Combine("market");
        var split = new SplitEvent("tcs", new DateOnly(2023, 5, 10), 2);

        int first = ActionsFile.Append(folder, [split, new SplitEvent("INFY", new DateOnly(2020, 1, 2), 1.5)]);
        int second = ActionsFile.Append(folder, [split]);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal("date,symbol,ratio,kind\n2023-05-10,TCS,2,split\n2020-01-02,INFY,1.5,split\n", File.ReadAllText(Path.Combine(folder, ActionsFile.FileName)));
    }

    [Fact]
    public void Append_ToAFileWithItsOwnColumnOrderAndNoFinalNewline_KeepsItReadable()
    {
        _dir.Write(ActionsFile.FileName, "symbol,date,ratio\nINFY,2020-01-02,3");

        ActionsFile.Append(_dir.Path, [new SplitEvent("TCS", new DateOnly(2023, 5, 10), 2)]);

        Assert.Equal("symbol,date,ratio\nINFY,2020-01-02,3\nTCS,2023-05-10,2\n", File.ReadAllText(_dir.Combine(ActionsFile.FileName)));
        var content = ActionsFile.Read(_dir.Combine(ActionsFile.FileName), "x");
        Assert.Equal(["INFY", "TCS"], content.Rows.Select(r => r.Symbol));
        Assert.Empty(content.Problems);
    }

    [Fact]
    public void Append_ARatioOfZero_IsRefusedAndWritesNothing()
    {
        var e = Assert.Throws<ArgumentException>(() => ActionsFile.Append(_dir.Path, [new SplitEvent("TCS", new DateOnly(2023, 5, 10), 2), new SplitEvent("INFY", new DateOnly(2023, 5, 11), 0)]));

        Assert.StartsWith("The split of INFY on 2023-05-11 has ratio 0; a ratio must be a number greater than 0.", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine(ActionsFile.FileName)));
    }
}
