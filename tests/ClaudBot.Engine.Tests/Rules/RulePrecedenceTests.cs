using ClaudBot.Engine.Rules.Syntax;
using static ClaudBot.Engine.Tests.Rules.RuleTrees;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class RulePrecedenceTests
{
    private static Condition Entry(string condition) => RuleParser.Parse("hold while " + condition).Syntax.Entry;

    [Fact]
    public void Multiplication_BindsTighterThanAddition()
    {
        Assert.Equal(Gt(Add(Close, Mul(Open, High)), Low), Entry("close + open * high > low"));
        Assert.Equal(Gt(Sub(Div(Close, Open), High), Low), Entry("close / open - high > low"));
    }

    [Fact]
    public void SameStrengthArithmetic_GroupsToTheLeft()
    {
        Assert.Equal(Gt(Sub(Sub(Close, Open), High), Low), Entry("close - open - high > low"));
        Assert.Equal(Gt(Div(Div(Close, Open), High), Low), Entry("close / open / high > low"));
    }

    [Fact]
    public void Parentheses_OverrideArithmeticPrecedence()
    {
        Assert.Equal(Gt(Sub(Close, Sub(Open, High)), Low), Entry("close - (open - high) > low"));
        Assert.Equal(Gt(Mul(Add(Close, Open), High), Low), Entry("(close + open) * high > low"));
    }

    [Fact]
    public void UnaryMinus_BindsTighterThanMultiplication()
    {
        Assert.Equal(Gt(Mul(Neg(Close), Open), Low), Entry("-close * open > low"));
    }

    [Fact]
    public void And_BindsTighterThanOr()
    {
        Assert.Equal(Or(Gt(Close, Open), And(Gt(High, Low), Gt(Volume, Close))), Entry("close > open or high > low and volume > close"));
        Assert.Equal(Or(And(Gt(Close, Open), Gt(High, Low)), Gt(Volume, Close)), Entry("close > open and high > low or volume > close"));
    }

    [Fact]
    public void Not_BindsTighterThanAnd()
    {
        Assert.Equal(And(Not(Gt(Close, Open)), Gt(High, Low)), Entry("not close > open and high > low"));
        Assert.Equal(Not(And(Gt(Close, Open), Gt(High, Low))), Entry("not (close > open and high > low)"));
        Assert.Equal(Not(Not(Gt(Close, Open))), Entry("not not close > open"));
    }

    [Fact]
    public void Parentheses_GroupConditions()
    {
        Assert.Equal(And(Or(Gt(Close, Open), Gt(High, Low)), Gt(Volume, Close)), Entry("(close > open or high > low) and volume > close"));
    }

    [Fact]
    public void ParenthesesAroundAnExpression_ThenAComparison_IsAComparison()
    {
        Assert.Equal(Gt(Sub(Close, Open), Low), Entry("(close - open) > low"));
        Assert.Equal(Gt(Close, Low), Entry("((close)) > low"));
        Assert.Equal(And(Gt(Close, Low), Lt(Open, High)), Entry("((close > low)) and (open) < (high)"));
    }

    [Fact]
    public void ArithmeticBindsTighterThanComparison()
    {
        Assert.Equal(Lt(Add(Close, Open), Mul(High, Low)), Entry("close + open < high * low"));
    }
}
