using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// The recursive-descent parser behind <see cref="RuleParser"/>: one instance reads one rule. Conditions are read in
/// the order or, and, not, comparison; expressions in the order + -, * /, unary minus, lag, primary. Nesting is
/// counted before each descent, so ((((...)))) is refused at a fixed depth instead of exhausting the stack.
/// </summary>
internal sealed partial class RuleReader
{
    /// <summary>Deepest nesting of parentheses, not, unary minus and indicator sources.</summary>
    public const int MaxDepth = 100;

    private readonly string _text;
    private readonly List<RuleToken> _tokens;
    private readonly List<RuleSlot> _slots = [];
    private int _position;
    private int _depth;
    private int _nodes;

    public RuleReader(string text)
    {
        _text = text;
        _tokens = RuleLexer.Tokenize(text);
    }

    private RuleToken Current => _tokens[_position];

    private RuleToken Previous => _tokens[Math.Max(0, _position - 1)];

    public RuleTemplate Read()
    {
        RuleSyntax syntax;
        if (Accept("buy"))
        {
            ExpectWhen();
            var entry = ReadTopCondition();
            ReadSeparator();
            ExpectWhen();
            syntax = new RuleSyntax(RuleForm.BuySell, entry, ReadTopCondition());
        }
        else if (Accept("hold") || Accept("long"))
        {
            ExpectWord("while");
            syntax = new RuleSyntax(RuleForm.HoldWhile, ReadTopCondition(), null);
        }
        else
        {
            throw Error(Current.Index, $"a rule starts with 'buy when' or 'hold while', not '{Quote(Current)}' at column {Current.Column}");
        }

        if (Current.Kind != RuleTokenKind.End && (Current.Is("sell") || _tokens[_position + 1].Is("sell")))
        {
            throw syntax.Form == RuleForm.HoldWhile
                ? Error(Current.Index, $"a 'hold while' rule has no sell part at column {Current.Column}: write 'buy when ..., sell when ...' to enter and exit on separate conditions")
                : Error(Current.Index, $"the rule already has its sell part; a second one starts at column {Current.Column}");
        }

        syntax = syntax with { Exits = ReadExits() };
        if (Current.Kind != RuleTokenKind.End)
        {
            throw Error(Current.Index, $"expected 'and', 'or' or the end of the rule after '{Quote(Previous)}' at column {Current.Column}, not '{Quote(Current)}'");
        }

        return _nodes > RuleBounds.MaxNodes
            ? throw new Strategies.StrategySpecException($"the rule has {_nodes} parts; the limit is {RuleBounds.MaxNodes}")
            : new RuleTemplate(syntax, _slots);
    }

    private void ExpectWhen()
    {
        if (!Accept("when") && !Accept("if"))
        {
            throw Error(Current.Index, $"expected 'when' after '{Quote(Previous)}' at column {Current.Column}");
        }
    }

    private void ExpectWord(string word)
    {
        if (!Accept(word))
        {
            throw Error(Current.Index, $"expected '{word}' after '{Quote(Previous)}' at column {Current.Column}");
        }
    }

    /// <summary>Between the buy and sell parts: ',' or ';' (either may be followed by 'then'), 'then', or 'and' directly before 'sell'.</summary>
    private void ReadSeparator()
    {
        bool separated = Accept(",") || Accept(";");
        separated = Accept("then") || separated;
        separated = separated || (Current.Is("and") && _tokens[_position + 1].Is("sell") && Accept("and"));
        if (Accept("sell"))
        {
            return;
        }

        throw separated
            ? Error(Current.Index, $"expected 'sell when' after '{Quote(Previous)}' at column {Current.Column}")
            : Current.Kind == RuleTokenKind.End
                ? Error(Current.Index, $"the sell part is missing: expected ', sell when' after '{Quote(Previous)}' at column {Current.Column}")
                : Error(Current.Index, $"expected 'and', 'or' or ', sell when' after '{Quote(Previous)}' at column {Current.Column}, not '{Quote(Current)}'");
    }

    private Condition ReadTopCondition()
    {
        if (Current.Kind == RuleTokenKind.End || Current.Is(",") || Current.Is(";") || Current.Is("then") || Current.Is("sell"))
        {
            throw Error(Current.Index, $"expected a condition after '{Quote(Previous)}' at column {Current.Column}");
        }

        return RequireCondition(ReadOr());
    }

    private bool Accept(string text)
    {
        if (!Current.Is(text))
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>One level deeper, at <paramref name="at"/> (a '(', 'not', '-' or indicator name); refused past <see cref="MaxDepth"/>.</summary>
    private void Descend(RuleToken at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(at.Index, $"the rule nests deeper than {MaxDepth} levels at column {at.Column}");
        }
    }

    private T Count<T>(T node)
    {
        _nodes++;
        return node;
    }

    private string Quote(RuleToken token) =>
        token.Kind == RuleTokenKind.End ? "the end of the rule" : UserText.Excerpt(_text.AsSpan(token.Index, token.Length));

    private string Quote(RulePart part) => UserText.Excerpt(_text.AsSpan(part.Start, part.End - part.Start));

    private Strategies.StrategySpecException Error(int index, string message) => RuleErrors.At(_text, index, message);
}
