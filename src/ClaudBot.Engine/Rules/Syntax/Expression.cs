namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>A number per bar (NaN where undefined: warm-up, a lag before the first bar).</summary>
public abstract record Expression;

/// <summary>A number written in the rule; its value (or grid of values) lives in slot <paramref name="Slot"/>.</summary>
public sealed record NumberExpression(int Slot) : Expression;

public enum PriceField
{
    Open,
    High,
    Low,
    Close,
    Volume,
}

public sealed record PriceExpression(PriceField Field) : Expression;

public enum IndicatorKind
{
    Sma,
    Ema,
    Rsi,
    Roc,
    Atr,
    Macd,
    MacdSignal,
    MacdHist,
    BbUpper,
    BbMiddle,
    BbLower,
    Highest,
    Lowest,
}

/// <summary>
/// An indicator call. <paramref name="Arguments"/> are slots, in the order the language writes them (e.g. bb_upper(n, k):
/// period then width). <paramref name="Source"/> is the series it reads (close when the rule names none; always null for
/// atr, macd*, bb_* which read close, or high/low/close for atr).
/// </summary>
public sealed record IndicatorExpression(IndicatorKind Kind, IReadOnlyList<int> Arguments, Expression? Source) : Expression
{
    public bool Equals(IndicatorExpression? other) =>
        other is not null && other.Kind == Kind && other.Arguments.SequenceEqual(Arguments) && Equals(other.Source, Source);

    public override int GetHashCode() => HashCode.Combine(Kind, Arguments.Count > 0 ? Arguments[0] : -1, Source);
}

/// <summary><c>series[n]</c>: the value n bars ago; n lives in slot <paramref name="BarsSlot"/>.</summary>
public sealed record LagExpression(Expression Series, int BarsSlot) : Expression;

public enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

public sealed record ArithmeticExpression(Expression Left, ArithmeticOperator Operator, Expression Right) : Expression;

public sealed record NegateExpression(Expression Operand) : Expression;
