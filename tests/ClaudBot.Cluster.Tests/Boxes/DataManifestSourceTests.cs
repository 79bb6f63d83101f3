using ClaudBot.Cluster.Boxes;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Tests.Boxes;

/// <summary>The data manifest lists the files as the market data reads them, hashes each version once, and sees an edit.</summary>
public sealed class DataManifestSourceTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-manifest-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void UserFolder_ReplacesABundledSymbolsFile_AndListsItsOwnActionsApart_IgnoringOtherFilesAndTheCache()
    {
        string bundled = Folder("bundled", ("TCS.csv", "bundled tcs"), ("INFY.csv", "infy"), ("actions.csv", "a"), ("README.txt", "not data"));
        Directory.CreateDirectory(Path.Combine(bundled, ".cache"));
        File.WriteAllText(Path.Combine(bundled, ".cache", "TCS.csv"), "cache");
        string user = Folder("user", ("TCS.csv", "user tcs"), ("actions.csv", "b"));

        var manifest = Source(bundled, user).Current();

        Assert.Equal(["INFY.csv", "TCS.csv", "actions.csv", "user/actions.csv"], manifest.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Source(Folder("other", ("TCS.csv", "user tcs")), null).Current().Files["TCS.csv"], manifest.Files["TCS.csv"]);
    }

    [Fact]
    public void SecondCall_HashesNothing_AndAnEditedFile_IsHashedAgainAndChangesTheFingerprint()
    {
        string bundled = Folder("data", ("TCS.csv", "one"), ("INFY.csv", "two"));
        var source = Source(bundled, null);
        var first = source.Current();
        Assert.Equal(2, source.Computed);

        Assert.Equal(first.Fingerprint, source.Current().Fingerprint);
        Assert.Equal(2, source.Computed);

        File.WriteAllText(Path.Combine(bundled, "TCS.csv"), "one, edited");
        var edited = source.Current();
        Assert.Equal(3, source.Computed);
        Assert.NotEqual(first.Fingerprint, edited.Fingerprint);
        Assert.Equal(first.Files["INFY.csv"], edited.Files["INFY.csv"]);
    }

    private string Folder(string name, params (string File, string Text)[] files)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_scratch.FullName, name)).FullName;
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    private static DataManifestSource Source(string directory, string? user) =>
        new(Options.Create(new MarketDataOptions { Directory = directory, UserDirectory = user }));
}
