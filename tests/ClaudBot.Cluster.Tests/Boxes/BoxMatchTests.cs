using ClaudBot.Cluster.Boxes;

namespace ClaudBot.Cluster.Tests.Boxes;

public sealed class BoxMatchTests
{
    private static readonly DataManifest Server = DataManifest.Of(new Dictionary<string, string> { ["INFY.csv"] = "xxh3:1", ["TCS.csv"] = "xxh3:2", ["aliases.csv"] = "xxh3:3" });

    [Fact]
    public void SameEngineAndFiles_IsNoRefusal() =>
        Assert.Null(BoxMatch.Refusal("w2", "1.0+abc", DataManifest.Of(new Dictionary<string, string>(Server.Files)), "1.0+abc", Server));

    [Fact]
    public void AnotherEngine_IsRefusedNamingBothVersions_WhateverTheData() =>
        Assert.Equal("box w2: engine 1.0+old differs from the server's 1.0+abc", BoxMatch.Refusal("w2", "1.0+old", Server, "1.0+abc", Server));

    [Fact]
    public void OneChangedFile_IsNamed() =>
        Assert.Equal("box w2: data file TCS.csv differs from the server's", BoxMatch.Refusal("w2", "v", With(("TCS.csv", "xxh3:9")), "v", Server));

    [Fact]
    public void MissingAndExtraFiles_AreNamedInOrder_WithWhatIsWrong()
    {
        var files = new Dictionary<string, string>(Server.Files) { ["NEW.csv"] = "xxh3:7" };
        files.Remove("INFY.csv");
        Assert.Equal(
            "box w2: data files INFY.csv (missing on this box), NEW.csv (not on the server) differ from the server's",
            BoxMatch.Refusal("w2", "v", DataManifest.Of(files), "v", Server));
    }

    [Fact]
    public void ManyDifferingFiles_NameTheFirstThree_AndCountTheRest() =>
        Assert.Equal(
            "box w2: data files A.csv (not on the server), B.csv (not on the server), INFY.csv and 2 more differ from the server's",
            BoxMatch.Refusal("w2", "v", DataManifest.Of(new Dictionary<string, string> { ["A.csv"] = "a", ["B.csv"] = "b", ["INFY.csv"] = "x", ["TCS.csv"] = "y", ["aliases.csv"] = "z" }), "v", Server));

    [Fact]
    public void Fingerprint_DependsOnNamesAndHashes_NotOnTheOrderGiven()
    {
        var forward = DataManifest.Of(new Dictionary<string, string> { ["A.csv"] = "1", ["B.csv"] = "2" });
        var backward = DataManifest.Of(new Dictionary<string, string> { ["B.csv"] = "2", ["A.csv"] = "1" });
        Assert.Equal(forward.Fingerprint, backward.Fingerprint);
        Assert.NotEqual(forward.Fingerprint, DataManifest.Of(new Dictionary<string, string> { ["A.csv"] = "2", ["B.csv"] = "1" }).Fingerprint);
        Assert.Matches("^xxh3:[0-9a-f]{16}$", forward.Fingerprint);
    }

    private static DataManifest With((string Name, string Hash) change)
    {
        var files = new Dictionary<string, string>(Server.Files) { [change.Name] = change.Hash };
        return DataManifest.Of(files);
    }
}
