using System.Diagnostics;
using System.Globalization;
using ClaudBot.MarketData;
using ClaudBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Tests;

/// <summary>
/// An import killed with SIGKILL part way: every symbol file it left in the store is whole (loads strictly, equal to its
/// source), none is half-written, and importing again completes the rest, counting the finished ones identical.
/// </summary>
public sealed class DataImportKillTests : IDisposable
{
    private const int Files = 150;
    private const int RowsPerFile = 4_000;
    private readonly TempDirectory _folder = new("claudbot-import-kill-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportKilledMidway_LeavesOnlyWholeFiles_AndASecondImportFinishesTheRest()
    {
        string bundled = Directory.CreateDirectory(_folder.Combine("bundled")).FullName;
        File.WriteAllText(Path.Combine(bundled, "TCS.csv"), BundledLayoutCsv.Header + "\n" + BundledLayoutCsv.Row("2022-01-03", 100) + "\n");
        string store = _folder.Combine("store");
        string[] files = Generate(Directory.CreateDirectory(_folder.Combine("incoming")).FullName);

        using (var first = Start(files, bundled, store))
        {
            await WaitForFilesAsync(store, 3, first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        string[] written = Directory.Exists(store) ? Directory.GetFiles(store, "*.csv") : [];
        Assert.InRange(written.Length, 3, Files - 1);
        foreach (string path in written)
        {
            await AssertSameBarsAsync(path, Path.Combine(_folder.Combine("incoming"), Path.GetFileName(path)));
        }

        using var second = Start(files, bundled, store);
        string output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();

        Assert.Equal(0, second.ExitCode);
        long identical = (long)written.Length * RowsPerFile;
        long added = ((long)Files * RowsPerFile) - identical;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Files} symbols, {added:N0} rows added, {identical:N0} identical, 0 replaced."), output, StringComparison.Ordinal);
        Assert.Equal(Files, Directory.GetFiles(store, "*.csv").Length);
        Assert.Empty(Directory.GetFiles(store, "*.partial"));
    }

    private static async Task AssertSameBarsAsync(string stored, string source)
    {
        var bars = (await Load(Path.GetDirectoryName(stored)!).LoadAsync(Path.GetFileNameWithoutExtension(stored), lenient: false)).Bars;
        var expected = (await Load(Path.GetDirectoryName(source)!).LoadAsync(Path.GetFileNameWithoutExtension(source), lenient: false)).Bars;
        Assert.Equal(RowsPerFile, bars.Count);
        Assert.Equal(expected.Days, bars.Days);
        Assert.Equal(expected.Close, bars.Close);
        Assert.Equal(expected.Volume, bars.Volume);
    }

    private static MarketDataStore Load(string directory) =>
        new(Options.Create(new MarketDataOptions { Directory = directory, UseCache = false }), NullLogger<MarketDataStore>.Instance);

    private static string[] Generate(string folder)
    {
        var files = new string[Files];
        var start = new DateOnly(2000, 1, 3);
        for (int f = 0; f < Files; f++)
        {
            files[f] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"K{f:D3}.csv"));
            using var writer = new StreamWriter(files[f]) { NewLine = "\n" };
            writer.WriteLine("Date,Open,High,Low,Close,Volume");
            for (int r = 0; r < RowsPerFile; r++)
            {
                double close = 100 + f + ((r % 50) * 0.25);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{start.AddDays(r):yyyy-MM-dd},{close},{close + 1},{close - 1},{close},{1000 + r}"));
            }
        }

        return files;
    }

    private Process Start(string[] files, string bundled, string store)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "claudbot.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        start.Environment["CLAUDBOT_HOME"] = _folder.Combine("home");
        foreach (string arg in (string[])[program, "data", "import", .. files, "--data", bundled, "--store", store])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForFilesAsync(string store, int count, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(Directory.Exists(store) && Directory.GetFiles(store, "*.csv").Length >= count))
        {
            if (process.HasExited)
            {
                Assert.Fail("the import ended before it could be killed: " + await process.StandardError.ReadToEndAsync());
            }

            Assert.True(DateTime.UtcNow < deadline, "the import wrote too few files in 60 s");
            await Task.Delay(5);
        }
    }
}
