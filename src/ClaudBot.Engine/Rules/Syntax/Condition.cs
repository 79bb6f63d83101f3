namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>A true/false test evaluated at each bar's close. Any comparison that touches an undefined value is false.</summary>
public abstract record Condition;

public sealed record AndCondition(Condition Left, Condition Right) : Condition;

public sealed record OrCondition(Condition Left, Condition Right) : Condition;

public sealed record NotCondition(Condition Operand) : Condition;

public enum Comparison
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
}

public sealed record CompareCondition(Expression Left, Comparison Operator, Expression Right) : Condition;

/// <summary>
/// <c>a crosses above b</c> at bar t: a[t] &gt; b[t] and a[t-1] &lt;= b[t-1]; <c>crosses below</c> mirrors it
/// (a[t] &lt; b[t] and a[t-1] &gt;= b[t-1]). False where any of the four values is undefined.
/// </summary>
public sealed record CrossCondition(Expression Left, bool Above, Expression Right) : Condition;
