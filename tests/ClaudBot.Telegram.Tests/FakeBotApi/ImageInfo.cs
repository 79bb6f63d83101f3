using System.Buffers.Binary;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Width and height of a PNG or JPEG, read from its header, as Telegram must before it accepts a photo.</summary>
internal static class ImageInfo
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes.StartsWith(PngSignature))
            return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
            return JpegDimensions(bytes);
        return null;
    }

    private static (int Width, int Height)? JpegDimensions(ReadOnlySpan<byte> bytes)
    {
        int i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
                return null;
            byte marker = bytes[i + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            bool startOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (startOfFrame)
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            i += 2 + length;
        }
        return null;
    }
}
