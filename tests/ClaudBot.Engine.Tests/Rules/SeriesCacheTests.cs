using ClaudBot.Engine.Rules.Evaluation;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class SeriesCacheTests
{
    [Fact]
    public void Add_BeyondMaxEntries_StartsAfresh()
    {
        var cache = new SeriesCache();
        cache.Use(TestBars.FromCloses(1, 2));
        for (int i = 0; i < SeriesCache.MaxEntries; i++)
        {
            cache.Add("s" + i, new double[2]);
        }

        cache.Add("one more", new double[2]);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("one more", out _));
        Assert.False(cache.TryGet("s0", out _));
    }

    [Fact]
    public void Add_BeyondMaxValues_StartsAfresh()
    {
        var cache = new SeriesCache();
        cache.Use(TestBars.FromCloses(1, 2));
        cache.Add("big", new double[SeriesCache.MaxValues - 10]);
        cache.Add("small", new double[10]);
        Assert.Equal(2, cache.Count);

        cache.Add("over", new double[1]);

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Use_SameBarsKeepsSeries_OtherBarsForgetThem()
    {
        var cache = new SeriesCache();
        var bars = TestBars.FromCloses(1, 2);
        cache.Use(bars);
        cache.Add("a", new double[2]);

        cache.Use(bars);
        Assert.Equal(1, cache.Count);
        cache.Use(TestBars.FromCloses(1, 2));
        Assert.Equal(0, cache.Count);
    }
}
