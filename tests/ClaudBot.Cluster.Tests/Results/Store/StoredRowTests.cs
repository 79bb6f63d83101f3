using System.Buffers.Binary;
using ClaudBot.Cluster.Results.Store;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>The 192-byte record: every bit of every double kept, the documented offsets, and what it refuses.</summary>
public sealed class StoredRowTests
{
    // Each a value a text round trip or a careless copy would change: NaN (with and without a payload), both
    // infinities, negative zero (equal to 0.0 but not the same bits), the smallest subnormal and the extremes.
    private static readonly double[] Awkward =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue, double.MinValue,
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF0_0000_0000_0001)), 0.1 + 0.2, -1e-300, 1234567.891, 0.0,
    ];

    private static StoredRow Sample()
    {
        var row = new StoredRow
        {
            TradesOrError = 17,
            SkippedEntries = 3,
            Bars = 741,
            From = new DateOnly(2022, 1, 3),
            To = new DateOnly(2024, 12, 31),
            ExcessReturn = -0.0,
            Beta = double.NaN,
            Alpha = double.NegativeInfinity,
        };
        for (int i = 0; i < StoredRow.Figures.Count; i++)
        {
            row.Metrics[i] = Awkward[i % Awkward.Length];
        }

        for (int i = 0; i < StoredRow.BenchmarkFigures.Count; i++)
        {
            row.Benchmark[i] = Awkward[(Awkward.Length - 1 - i) % Awkward.Length];
        }

        return row;
    }

    private static byte[] Bytes(in StoredRow row)
    {
        byte[] bytes = new byte[StoredRow.Size];
        row.WriteTo(bytes);
        return bytes;
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static void AssertSameBits(StoredRow expected, StoredRow actual)
    {
        Assert.Equal((expected.Failed, expected.TradesOrError, expected.SkippedEntries, expected.Bars, expected.From, expected.To), (actual.Failed, actual.TradesOrError, actual.SkippedEntries, actual.Bars, actual.From, actual.To));
        for (int i = 0; i < StoredRow.Figures.Count; i++)
        {
            Assert.True(Bits(expected.Metrics[i]) == Bits(actual.Metrics[i]), $"metric {StoredRow.MetricNames[i]}: {Bits(expected.Metrics[i]):X16} became {Bits(actual.Metrics[i]):X16}");
        }

        for (int i = 0; i < StoredRow.BenchmarkFigures.Count; i++)
        {
            Assert.True(Bits(expected.Benchmark[i]) == Bits(actual.Benchmark[i]), $"benchmark {StoredRow.BenchmarkNames[i]}: {Bits(expected.Benchmark[i]):X16} became {Bits(actual.Benchmark[i]):X16}");
        }

        Assert.Equal(Bits(expected.ExcessReturn), Bits(actual.ExcessReturn));
        Assert.Equal(Bits(expected.Beta), Bits(actual.Beta));
        Assert.Equal(Bits(expected.Alpha), Bits(actual.Alpha));
    }

    [Fact]
    public void RoundTrip_KeepsNaNInfinityAndNegativeZero_BitForBit()
    {
        var row = Sample();

        byte[] bytes = Bytes(row);
        var read = StoredRow.Read(bytes);

        AssertSameBits(row, read);
        Assert.Equal(bytes, Bytes(read));
        Assert.True(double.IsNegative(read.ExcessReturn) && read.ExcessReturn == 0, "negative zero read back as positive zero");
    }

    [Fact]
    public void Record_IsLaidOutAsDocumented()
    {
        var row = Sample();

        byte[] bytes = Bytes(row);

        Assert.Equal(192, StoredRow.Size);
        Assert.Equal(0, bytes[0]);
        Assert.Equal([0, 0, 0], bytes[1..4]);
        Assert.Equal((17, 3, 741), (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12))));
        Assert.Equal(row.From.DayNumber, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(row.To.DayNumber, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20)));
        for (int i = 0; i < 13; i++)
        {
            Assert.Equal(Bits(row.Metrics[i]), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24 + (8 * i))));
        }

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(Bits(row.Benchmark[i]), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(128 + (8 * i))));
        }

        Assert.Equal(
            (Bits(row.ExcessReturn), Bits(row.Beta), Bits(row.Alpha)),
            (BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(168)), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(176)), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(184))));
        Assert.Equal("sharpe", StoredRow.MetricNames[3]);
        Assert.Equal(Bits(row.Metrics[3]), Bits(row.Sharpe));
        Assert.Equal(Bits(row.Metrics[0]), Bits(row.TotalReturn));
    }

    [Fact]
    public void WriteTo_ClearsWhatAnEarlierRecordLeftInTheBuffer()
    {
        byte[] bytes = new byte[StoredRow.Size];
        Array.Fill(bytes, (byte)0xAB);

        StoredRow.Failure(2).WriteTo(bytes);

        Assert.Equal(1, bytes[0]);
        Assert.All(bytes.AsSpan(1, 3).ToArray(), b => Assert.Equal(0, b));
        Assert.All(bytes.AsSpan(8, 16).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void FailedRow_RoundTripsWithItsErrorNumber_AndNoNumbersForTheMarket()
    {
        var failure = StoredRow.Failure(41);

        byte[] bytes = Bytes(failure);
        var read = StoredRow.Read(bytes);

        Assert.Equal(1, bytes[0]);
        Assert.True(read.Failed);
        Assert.Equal(41, read.TradesOrError);
        Assert.True(double.IsNaN(read.Beta) && double.IsNaN(read.Alpha) && double.IsNaN(read.ExcessReturn));
        AssertSameBits(failure, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(24)]
    [InlineData(StoredRow.Size - 1)]
    public void Read_OfAShortSpan_IsInvalidData(int length)
    {
        byte[] whole = Bytes(Sample());

        var error = Assert.Throws<InvalidDataException>(() => StoredRow.Read(whole.AsSpan(0, length)));

        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OfALongerSpan_TakesTheFirstRecord()
    {
        var row = Sample();
        byte[] two = new byte[2 * StoredRow.Size];
        row.WriteTo(two);
        StoredRow.Failure(5).WriteTo(two.AsSpan(StoredRow.Size));

        AssertSameBits(row, StoredRow.Read(two));
        Assert.True(StoredRow.Read(two.AsSpan(StoredRow.Size)).Failed);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(255)]
    public void Read_OfAnUnknownKind_IsInvalidData(byte kind)
    {
        byte[] bytes = Bytes(Sample());
        bytes[0] = kind;

        var error = Assert.Throws<InvalidDataException>(() => StoredRow.Read(bytes));

        Assert.Contains(kind.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, -1)]
    [InlineData(16, int.MinValue)]
    [InlineData(20, 3_652_059)]
    [InlineData(20, int.MaxValue)]
    public void Read_OfADayNumberOutsideDateOnly_IsInvalidData(int offset, int day)
    {
        byte[] bytes = Bytes(Sample());
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), day);

        Assert.Throws<InvalidDataException>(() => StoredRow.Read(bytes));
    }

    [Fact]
    public void Read_OfTheFirstAndLastDays_Accepts()
    {
        var row = Sample();
        row.From = DateOnly.MinValue;
        row.To = DateOnly.MaxValue;

        var read = StoredRow.Read(Bytes(row));

        Assert.Equal((DateOnly.MinValue, DateOnly.MaxValue), (read.From, read.To));
    }
}
