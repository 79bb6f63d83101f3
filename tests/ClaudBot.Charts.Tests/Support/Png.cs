using SkiaSharp;

namespace ClaudBot.Charts.Tests.Support;

/// <summary>A decoded PNG and the pixel questions the tests ask of it.</summary>
internal sealed class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SKColor[] _pixels;

    private Png(SKColor[] pixels, int width, int height)
    {
        _pixels = pixels;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public static bool HasSignature(byte[] bytes) => bytes.AsSpan().StartsWith(Signature);

    public static Png Decode(byte[] bytes)
    {
        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("Not a decodable image.");
        return new Png(bitmap.Pixels, bitmap.Width, bitmap.Height);
    }

    public SKColor this[int x, int y] => _pixels[(y * Width) + x];

    /// <summary>Pixels within <paramref name="tolerance"/> of <paramref name="color"/> on every channel, in rows <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public List<(int X, int Y)> Find(SKColor color, int tolerance, int top = 0, int? bottom = null)
    {
        var found = new List<(int, int)>();
        for (int y = top; y < (bottom ?? Height); y++)
        {
            for (int x = 0; x < Width; x++)
            {
                var pixel = this[x, y];
                if (Math.Abs(pixel.Red - color.Red) <= tolerance && Math.Abs(pixel.Green - color.Green) <= tolerance && Math.Abs(pixel.Blue - color.Blue) <= tolerance)
                {
                    found.Add((x, y));
                }
            }
        }

        return found;
    }
}
