namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>What a piece of rule text is, as the lexer sees it.</summary>
internal enum RuleTokenKind
{
    /// <summary>A name or keyword, lower-cased (letters, digits and '_', starting with a letter).</summary>
    Word,

    /// <summary>A number written with digits (its value may be infinite when it is too large for a double).</summary>
    Number,

    /// <summary>One of the symbols: &lt; &lt;= &gt; &gt;= == + - * / ( ) [ ] , ; | ..</summary>
    Symbol,

    /// <summary>The end of the text.</summary>
    End,
}
