using ScottPlot;

namespace ClaudBot.Charts.Tests;

/// <summary>
/// The charts draw text with the DejaVu Sans inside the assembly, never with whatever the machine has (on a
/// machine with no fonts at all SkiaSharp's Linux build has none to offer, and labels vanish).
/// </summary>
public sealed class EmbeddedFontTests
{
    [Fact]
    public void Family_ResolvesToTheEmbeddedDejaVuSans()
    {
        EmbeddedFont.EnsureRegistered();

        var regular = Fonts.GetTypeface(EmbeddedFont.Family, bold: false, italic: false);
        var bold = Fonts.GetTypeface(EmbeddedFont.Family, bold: true, italic: false);

        Assert.Equal(("DejaVu Sans", 400), (regular.FamilyName, regular.FontWeight));
        Assert.Equal(("DejaVu Sans", 700), (bold.FamilyName, bold.FontWeight));
        Assert.True(regular.GlyphCount > 3000);
    }

    [Fact]
    public void Family_CoversLatinAccentsGreekAndTheEllipsis()
    {
        EmbeddedFont.EnsureRegistered();
        var typeface = Fonts.GetTypeface(EmbeddedFont.Family, bold: false, italic: false);

        Assert.True(typeface.ContainsGlyphs("Return % ünïcödé Ω … ₹ €"));
    }

    [Fact]
    public void EnsureRegistered_AddsTheResolverOnce_AheadOfScottPlots()
    {
        EmbeddedFont.EnsureRegistered();
        EmbeddedFont.EnsureRegistered();

        Assert.IsType<EmbeddedFont>(Fonts.FontResolvers[0]);
        Assert.Single(Fonts.FontResolvers, r => r is EmbeddedFont);
    }

    [Fact]
    public void CreateTypeface_OtherFamilies_AreLeftToScottPlot()
    {
        EmbeddedFont.EnsureRegistered();

        Assert.Null(Fonts.FontResolvers[0].CreateTypeface("Arial", bold: false, italic: false));
    }
}
