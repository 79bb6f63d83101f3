using ScottPlot;
using SkiaSharp;

namespace ClaudBot.Charts;

/// <summary>
/// DejaVu Sans from this assembly's resources, under a family name of its own. SkiaSharp's Linux build (no
/// fontconfig) only finds fonts under /usr/share/fonts; on a machine without any, every label would be drawn
/// with an empty typeface, i.e. not at all, and with fonts installed the look would depend on the machine.
/// </summary>
internal sealed class EmbeddedFont : IFontResolver
{
    /// <summary>The name to give ScottPlot labels; other names are left to ScottPlot's own resolvers.</summary>
    public const string Family = "ClaudBot Charts Sans";

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    // ScottPlot resolves font names through one process-wide list; the resolver goes in front of it once.
    private static readonly Lazy<bool> Registration = new(() =>
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFont());
        return true;
    });

    private EmbeddedFont()
    {
    }

    /// <summary>Makes <see cref="Family"/> resolvable; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Family ? (weight >= FontWeight.SemiBold ? Bold.Value : Regular.Value) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);

    private static SKTypeface Load(string file)
    {
        string name = "ClaudBot.Charts.Fonts." + file;
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }
}
