using System.Numerics;
using System.Runtime.CompilerServices;
using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// Whole-array arithmetic and comparisons, a vector of bars at a time. Comparisons write masks (-1 true, 0 false);
/// IEEE ordered comparisons are false whenever NaN (an undefined value) is involved, which is the rule language's
/// "a comparison touching an undefined value is false".
/// </summary>
internal static class SpanMath
{
    public static void Arithmetic(ArithmeticOperator op, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
    {
        switch (op)
        {
            case ArithmeticOperator.Add:
                Apply<AddOp>(a, b, result);
                break;
            case ArithmeticOperator.Subtract:
                Apply<SubtractOp>(a, b, result);
                break;
            case ArithmeticOperator.Multiply:
                Apply<MultiplyOp>(a, b, result);
                break;
            default:
                Apply<DivideOp>(a, b, result);
                break;
        }
    }

    public static void Compare(Comparison op, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<long> mask)
    {
        switch (op)
        {
            case Comparison.Less:
                Compare<LessOp>(a, b, mask);
                break;
            case Comparison.LessOrEqual:
                Compare<LessOrEqualOp>(a, b, mask);
                break;
            case Comparison.Greater:
                Compare<LessOp>(b, a, mask);
                break;
            case Comparison.GreaterOrEqual:
                Compare<LessOrEqualOp>(b, a, mask);
                break;
            default:
                Compare<EqualOp>(a, b, mask);
                break;
        }
    }

    /// <summary>The scalar form of <see cref="Compare(Comparison, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{long})"/>.</summary>
    public static bool Holds(Comparison op, double a, double b) => op switch
    {
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        Comparison.GreaterOrEqual => a >= b,
        _ => a == b,
    };

    /// <summary>The vector form, for loops that build their operands first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<long> Holds(Comparison op, Vector<double> a, Vector<double> b) => op switch
    {
        Comparison.Less => Vector.LessThan(a, b),
        Comparison.LessOrEqual => Vector.LessThanOrEqual(a, b),
        Comparison.Greater => Vector.GreaterThan(a, b),
        Comparison.GreaterOrEqual => Vector.GreaterThanOrEqual(a, b),
        _ => Vector.Equals(a, b),
    };

    /// <summary>The comparison with its sides swapped: a op b == b (Mirror op) a.</summary>
    public static Comparison Mirror(Comparison op) => op switch
    {
        Comparison.Less => Comparison.Greater,
        Comparison.LessOrEqual => Comparison.GreaterOrEqual,
        Comparison.Greater => Comparison.Less,
        Comparison.GreaterOrEqual => Comparison.LessOrEqual,
        _ => Comparison.Equal,
    };

    public static void Negate(ReadOnlySpan<double> a, Span<double> result)
    {
        for (int i = 0; i < a.Length; i++)
        {
            result[i] = -a[i];
        }
    }

    public static void And(ReadOnlySpan<long> a, ReadOnlySpan<long> b, Span<long> result)
    {
        int i = 0;
        for (; i <= a.Length - Vector<long>.Count; i += Vector<long>.Count)
        {
            (new Vector<long>(a[i..]) & new Vector<long>(b[i..])).CopyTo(result[i..]);
        }

        for (; i < a.Length; i++)
        {
            result[i] = a[i] & b[i];
        }
    }

    public static void Or(ReadOnlySpan<long> a, ReadOnlySpan<long> b, Span<long> result)
    {
        int i = 0;
        for (; i <= a.Length - Vector<long>.Count; i += Vector<long>.Count)
        {
            (new Vector<long>(a[i..]) | new Vector<long>(b[i..])).CopyTo(result[i..]);
        }

        for (; i < a.Length; i++)
        {
            result[i] = a[i] | b[i];
        }
    }

    public static void Not(ReadOnlySpan<long> a, Span<long> result)
    {
        int i = 0;
        for (; i <= a.Length - Vector<long>.Count; i += Vector<long>.Count)
        {
            (~new Vector<long>(a[i..])).CopyTo(result[i..]);
        }

        for (; i < a.Length; i++)
        {
            result[i] = ~a[i];
        }
    }

    private static void Apply<TOp>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
        where TOp : struct, IBinary
    {
        int i = 0;
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            TOp.Apply(new Vector<double>(a[i..]), new Vector<double>(b[i..])).CopyTo(result[i..]);
        }

        for (; i < a.Length; i++)
        {
            result[i] = TOp.Apply(a[i], b[i]);
        }
    }

    private static void Compare<TOp>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<long> mask)
        where TOp : struct, ICompare
    {
        int i = 0;
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            TOp.Apply(new Vector<double>(a[i..]), new Vector<double>(b[i..])).CopyTo(mask[i..]);
        }

        for (; i < a.Length; i++)
        {
            mask[i] = TOp.Apply(a[i], b[i]) ? -1L : 0L;
        }
    }

    private interface IBinary
    {
        static abstract Vector<double> Apply(Vector<double> a, Vector<double> b);

        static abstract double Apply(double a, double b);
    }

    private interface ICompare
    {
        static abstract Vector<long> Apply(Vector<double> a, Vector<double> b);

        static abstract bool Apply(double a, double b);
    }

    private readonly struct AddOp : IBinary
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a + b;

        public static double Apply(double a, double b) => a + b;
    }

    private readonly struct SubtractOp : IBinary
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a - b;

        public static double Apply(double a, double b) => a - b;
    }

    private readonly struct MultiplyOp : IBinary
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a * b;

        public static double Apply(double a, double b) => a * b;
    }

    private readonly struct DivideOp : IBinary
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a / b;

        public static double Apply(double a, double b) => a / b;
    }

    private readonly struct LessOp : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<long> Apply(Vector<double> a, Vector<double> b) => Vector.LessThan(a, b);

        public static bool Apply(double a, double b) => a < b;
    }

    private readonly struct LessOrEqualOp : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<long> Apply(Vector<double> a, Vector<double> b) => Vector.LessThanOrEqual(a, b);

        public static bool Apply(double a, double b) => a <= b;
    }

    private readonly struct EqualOp : ICompare
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<long> Apply(Vector<double> a, Vector<double> b) => Vector.Equals(a, b);

        public static bool Apply(double a, double b) => a == b;
    }
}
