using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>Expressions: arithmetic, unary minus, lags, numbers, price fields, indicators and parentheses.</summary>
internal sealed partial class RuleReader
{
    private static readonly string[] FieldNames = ["open", "high", "low", "close", "volume"];

    private static readonly string[] NotNumbers = ["nan", "inf", "infinity"];

    private static readonly string[] Keywords = ["and", "or", "not", "buy", "sell", "hold", "long", "when", "if", "while", "then", "step"];

    /// <summary>A word with a meaning in the language: a keyword, a comparison word, a price field or an indicator (any case).</summary>
    internal static bool IsReserved(string word)
    {
        string key = word.ToLowerInvariant();
        return Keywords.Contains(key) || ComparisonWords.Contains(key) || FieldNames.Contains(key) || NotNumbers.Contains(key) || IndicatorSignature.Find(key) is not null;
    }

    private RulePart ReadAdditive()
    {
        var left = ReadMultiplicative();
        while (Current.Kind == RuleTokenKind.Symbol && Current.Text is "+" or "-")
        {
            var op = Current.Text == "+" ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            var leftExpression = RequireExpression(left);
            _position++;
            var right = ReadMultiplicative();
            left = RulePart.Of(Count<Expression>(new ArithmeticExpression(leftExpression, op, RequireExpression(right))), left.Start, right.End);
        }

        return left;
    }

    private RulePart ReadMultiplicative()
    {
        var left = ReadUnary();
        while (Current.Kind == RuleTokenKind.Symbol && Current.Text is "*" or "/")
        {
            var op = Current.Text == "*" ? ArithmeticOperator.Multiply : ArithmeticOperator.Divide;
            var leftExpression = RequireExpression(left);
            _position++;
            var right = ReadUnary();
            left = RulePart.Of(Count<Expression>(new ArithmeticExpression(leftExpression, op, RequireExpression(right))), left.Start, right.End);
        }

        return left;
    }

    private RulePart ReadUnary()
    {
        // "-5" is a negative number (one slot), "-sma(5)" a negation.
        if (!Current.Is("-") || _tokens[_position + 1].Kind == RuleTokenKind.Number)
        {
            return ReadLagged();
        }

        var minus = Current;
        _position++;
        Descend(minus);
        var operand = ReadUnary();
        _depth--;
        return RulePart.Of(Count<Expression>(new NegateExpression(RequireExpression(operand))), minus.Index, operand.End);
    }

    private RulePart ReadLagged()
    {
        var part = ReadPrimary();
        while (Current.Is("["))
        {
            if (!part.IsSeries)
            {
                throw Error(Current.Index, $"a lag [n] follows a price field or an indicator, not '{Quote(part)}', at column {Current.Column}");
            }

            _position++;
            int slot = ReadValues(RuleSlotKind.Lag);
            if (!Current.Is("]"))
            {
                throw Error(Current.Index, $"expected ']' after '{Quote(Previous)}' at column {Current.Column}");
            }

            _position++;
            part = RulePart.Of(Count<Expression>(new LagExpression(part.Expression!, slot)), part.Start, Previous.End);
        }

        return part;
    }

    private RulePart ReadPrimary()
    {
        var token = Current;
        if (token.Kind == RuleTokenKind.Number || token.Is("-"))
        {
            int slot = ReadValues(RuleSlotKind.Number);
            return RulePart.Of(Count<Expression>(new NumberExpression(slot)), token.Index, Previous.End);
        }

        if (token.Is("("))
        {
            return ReadParenthesised();
        }

        if (token.Kind != RuleTokenKind.Word || Array.IndexOf(Keywords, token.Text) >= 0 || Array.IndexOf(ComparisonWords, token.Text) >= 0)
        {
            throw Error(token.Index, $"expected a number, a price field or an indicator after '{Quote(Previous)}' at column {token.Column}");
        }

        int field = Array.IndexOf(FieldNames, token.Text);
        if (field >= 0)
        {
            _position++;
            return RulePart.Of(Count<Expression>(new PriceExpression((PriceField)field)), token.Index, token.End);
        }

        return IndicatorSignature.Find(token.Text) is { } signature ? ReadIndicator(signature) : throw UnknownName(token);
    }

    private RulePart ReadParenthesised()
    {
        var open = Current;
        _position++;
        Descend(open);
        var inner = ReadOr();
        _depth--;
        if (!Current.Is(")"))
        {
            throw Error(Current.Index, $"the '(' at column {open.Column} is not closed: expected ')' after '{Quote(Previous)}' at column {Current.Column}");
        }

        _position++;
        return inner with { Start = open.Index, End = Previous.End };
    }

    private Strategies.StrategySpecException UnknownName(RuleToken token)
    {
        string name = UserText.Excerpt(token.Text);
        if (Array.IndexOf(NotNumbers, token.Text) >= 0)
        {
            return Error(token.Index, $"'{name}' at column {token.Column} is not a number: numbers are finite and written with digits");
        }

        bool call = _tokens[_position + 1].Is("(");
        var known = call ? IndicatorSignature.All.Select(s => s.Name) : FieldNames.Concat(IndicatorSignature.All.Select(s => s.Name));
        var close = Similarity.Suggest(token.Text, known, 3);
        string hint = close.Count > 0
            ? $": did you mean {string.Join(" or ", close)}?"
            : call ? $": known indicators are {string.Join(", ", IndicatorSignature.All.Select(s => s.Name))}"
            : ": expected a number, a price field (open, high, low, close, volume) or an indicator";
        return Error(token.Index, $"unknown {(call ? "indicator" : "name")} '{name}' at column {token.Column}{hint}");
    }
}
