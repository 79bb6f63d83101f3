#!/usr/bin/env python3
"""Independent reference for the rule language (issue #12), written from the spec alone.

Plain Python, standard library only, meant to be obviously correct rather than fast:
a hand-written tokenizer and recursive-descent parser, then a per-bar evaluation of the
tree (None = undefined, every comparison touching None is False). Indicator series are
the reference's own functions in backtest_reference.py, computed over the whole history.

Used through backtest_reference.py: a strategy JSON with a "rule" key runs a rule, e.g.
    python3 backtest_reference.py data/RELIANCE.csv \
        '{"rule":"buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70"}' \
        2021-01-01 2026-12-31 10

Decisions where the spec leaves room (the C# side must agree):
- A lag [n] at bar t is the value at bar t-n; before bar 0 it is undefined. Lags, crosses and
  indicators all see the history before FROM (bar 0 of the series), not just the range.
- `a crosses above b` at t: a[t] > b[t] and a[t-1] <= b[t-1], both sides re-evaluated at t-1
  (whole expressions, not just their leaves); false at bar 0 and wherever any value is undefined.
- Arithmetic on an undefined value is undefined. Division follows IEEE 754 (x/0 = +-inf,
  0/0 = NaN); a comparison with NaN is false, like one with an undefined value.
- An indicator over a source series starts at the source's first defined bar (the source's
  leading undefined bars are skipped, as for the MACD signal line): sma/highest/lowest need n
  defined values, ema seeds with their mean, rsi's first value is n bars after the start, roc
  needs src[t-n] defined.
- `buy when A, sell when B`: flat after a bar -> long if A holds; long -> flat if B holds
  (so when both hold the position flips either way). `hold while C`: long exactly after bars
  where C holds. The state starts flat on the first bar of the range.
- `not` binds looser than comparisons and tighter than `and`; `and` tighter than `or`.
- `[n]` applies to a series only (price field, indicator, or lagged series), not to a number or a
  parenthesised expression; `[0]` is the series itself.
"""

import math

import backtest_reference as ref

FIELDS = ("open", "high", "low", "close", "volume")

# name -> (number of numeric arguments that are periods, number of real arguments, takes a source)
# Arguments are in that order: periods first, then reals, then the optional source series.
INDICATORS = {
    "sma": (1, 0, True),
    "ema": (1, 0, True),
    "rsi": (1, 0, True),
    "roc": (1, 0, True),
    "atr": (1, 0, False),
    "macd": (2, 0, False),
    "macd_signal": (3, 0, False),
    "macd_hist": (3, 0, False),
    "bb_upper": (1, 1, False),
    "bb_middle": (1, 0, False),
    "bb_lower": (1, 1, False),
    "highest": (1, 0, True),
    "lowest": (1, 0, True),
}

MAX_CHARS = 2000
MAX_NODES = 200
MAX_LAG = 5000
MAX_PERIOD = 5000


class RuleError(ValueError):
    """A rule that does not parse or breaks a bound; the message names the column (1-based)."""

    def __init__(self, message, column):
        super().__init__("%s at column %d" % (message, column))
        self.column = column


# ---------------------------------------------------------------------------
# Tokenizer: (kind, text, column); kinds: num, word, sym, end
# ---------------------------------------------------------------------------

SYMBOLS = ("<=", ">=", "==", "<", ">", "(", ")", "[", "]", ",", ";", "+", "-", "*", "/")


def tokenize(text):
    tokens = []
    i = 0
    lower = text.lower()
    while i < len(lower):
        c = lower[i]
        if c in " \t\r\n":
            i += 1
            continue
        column = i + 1
        if c.isdigit() or (c == "." and i + 1 < len(lower) and lower[i + 1].isdigit()):
            j = i
            while j < len(lower) and lower[j].isdigit():
                j += 1
            if j < len(lower) and lower[j] == ".":
                j += 1
                while j < len(lower) and lower[j].isdigit():
                    j += 1
            tokens.append(("num", lower[i:j], column))
            i = j
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < len(lower) and (lower[j].isalnum() or lower[j] == "_"):
                j += 1
            tokens.append(("word", lower[i:j], column))
            i = j
            continue
        for s in SYMBOLS:
            if lower.startswith(s, i):
                tokens.append(("sym", s, column))
                i += len(s)
                break
        else:
            raise RuleError("unexpected character %r" % text[i], column)
    tokens.append(("end", "", len(text) + 1))
    return tokens


# ---------------------------------------------------------------------------
# Parser. Trees are tuples:
#   conditions: ("and", a, b) ("or", a, b) ("not", a) ("cmp", op, x, y) ("cross", "above"|"below", x, y)
#   expressions: ("num", v) ("field", name) ("ind", name, (numbers...), src-or-None) ("lag", x, n)
#                ("neg", x) ("bin", op, x, y)
#   rule: ("entry_exit", entry, exit) or ("hold", cond)
# ---------------------------------------------------------------------------

# Word forms of the comparison operators: sequences of words -> operator.
WORD_OPERATORS = [
    (("is", "greater", "than"), ">"),
    (("is", "less", "than"), "<"),
    (("greater", "than"), ">"),
    (("less", "than"), "<"),
    (("is", "above"), ">"),
    (("is", "below"), "<"),
    (("at", "least"), ">="),
    (("at", "most"), "<="),
    (("equals",), "=="),
    (("crosses", "above"), "cross above"),
    (("crosses", "below"), "cross below"),
    (("cross", "above"), "cross above"),
    (("cross", "below"), "cross below"),
    (("crossed", "above"), "cross above"),
    (("crossed", "below"), "cross below"),
]


class Parser:
    def __init__(self, text):
        if len(text) > MAX_CHARS:
            raise RuleError("rule longer than %d characters" % MAX_CHARS, MAX_CHARS + 1)
        self.tokens = tokenize(text)
        self.pos = 0
        self.nodes = 0

    # -- token helpers --
    def peek(self, offset=0):
        return self.tokens[min(self.pos + offset, len(self.tokens) - 1)]

    def is_word(self, word, offset=0):
        kind, text, _ = self.peek(offset)
        return kind == "word" and text == word

    def is_sym(self, sym, offset=0):
        kind, text, _ = self.peek(offset)
        return kind == "sym" and text == sym

    def expect_word(self, word):
        if not self.is_word(word):
            self.fail("expected '%s'" % word)
        self.pos += 1

    def expect_sym(self, sym):
        if not self.is_sym(sym):
            self.fail("expected '%s'" % sym)
        self.pos += 1

    def fail(self, message):
        kind, text, column = self.peek()
        found = "the end" if kind == "end" else repr(text)
        raise RuleError("%s, found %s" % (message, found), column)

    def node(self, tree):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise RuleError("rule has more than %d nodes" % MAX_NODES, self.peek()[2])
        return tree

    # -- rule --
    def parse_rule(self):
        if self.is_word("buy"):
            self.pos += 1
            self.expect_word("when")
            entry = self.parse_or()
            if self.is_sym(",") or self.is_sym(";") or self.is_word("then"):
                self.pos += 1
            else:
                self.fail("expected ',', ';' or 'then' before 'sell when'")
            self.expect_word("sell")
            self.expect_word("when")
            exit_ = self.parse_or()
            tree = ("entry_exit", entry, exit_)
        elif self.is_word("hold"):
            self.pos += 1
            self.expect_word("while")
            tree = ("hold", self.parse_or())
        else:
            self.fail("a rule starts with 'buy when' or 'hold while'")
        if self.peek()[0] != "end":
            self.fail("expected the end of the rule")
        return tree

    # -- conditions --
    def parse_or(self):
        left = self.parse_and()
        while self.is_word("or"):
            self.pos += 1
            left = self.node(("or", left, self.parse_and()))
        return left

    def parse_and(self):
        left = self.parse_not()
        while self.is_word("and"):
            self.pos += 1
            left = self.node(("and", left, self.parse_not()))
        return left

    def parse_not(self):
        if self.is_word("not"):
            self.pos += 1
            return self.node(("not", self.parse_not()))
        return self.parse_condition_primary()

    def parse_condition_primary(self):
        # "(" opens either a parenthesised condition or an expression that is the left side of a
        # comparison, e.g. "(close - open) / open > 0.01": try the comparison first, and fall back.
        if self.is_sym("("):
            saved_pos, saved_nodes = self.pos, self.nodes
            try:
                return self.parse_comparison()
            except RuleError as as_comparison:
                first_error = as_comparison
            self.pos, self.nodes = saved_pos + 1, saved_nodes
            try:
                inner = self.parse_or()
                self.expect_sym(")")
            except RuleError as as_condition:
                # Report whichever reading got further into the text.
                raise first_error if first_error.column > as_condition.column else as_condition
            return inner
        return self.parse_comparison()

    def comparison_operator(self):
        kind, text, _ = self.peek()
        if kind == "sym" and text in ("<", "<=", ">", ">=", "=="):
            self.pos += 1
            return text
        for words, op in WORD_OPERATORS:
            if all(self.is_word(w, k) for k, w in enumerate(words)):
                self.pos += len(words)
                return op
        self.fail("expected a comparison (<, <=, >, >=, ==, crosses above, crosses below)")
        return None

    def parse_comparison(self):
        left = self.parse_expr()
        op = self.comparison_operator()
        right = self.parse_expr()
        if op.startswith("cross"):
            return self.node(("cross", op.split()[1], left, right))
        return self.node(("cmp", op, left, right))

    # -- expressions --
    def parse_expr(self):
        left = self.parse_term()
        while self.is_sym("+") or self.is_sym("-"):
            op = self.peek()[1]
            self.pos += 1
            left = self.node(("bin", op, left, self.parse_term()))
        return left

    def parse_term(self):
        left = self.parse_unary()
        while self.is_sym("*") or self.is_sym("/"):
            op = self.peek()[1]
            self.pos += 1
            left = self.node(("bin", op, left, self.parse_unary()))
        return left

    def parse_unary(self):
        if self.is_sym("-"):
            self.pos += 1
            return self.node(("neg", self.parse_unary()))
        return self.parse_postfix()

    def parse_postfix(self):
        parenthesised = self.is_sym("(")
        atom = self.parse_atom()
        while self.is_sym("["):
            if parenthesised or atom[0] not in ("field", "ind", "lag"):
                raise RuleError("'[n]' (bars ago) applies to a series, not to a number or a parenthesised expression", self.peek()[2])
            self.pos += 1
            lag = self.whole_number("a lag", MAX_LAG, allow_zero=True)
            self.expect_sym("]")
            atom = self.node(("lag", atom, lag))
        return atom

    def whole_number(self, what, maximum, allow_zero=False):
        kind, text, column = self.peek()
        if kind != "num":
            self.fail("expected %s (a whole number)" % what)
        value = float(text)
        if value != int(value):
            raise RuleError("%s must be a whole number" % what, column)
        value = int(value)
        if value < (0 if allow_zero else 1) or value > maximum:
            raise RuleError("%s must be between %d and %d" % (what, 0 if allow_zero else 1, maximum), column)
        self.pos += 1
        return value

    def real_number(self):
        negative = False
        if self.is_sym("-"):
            negative = True
            self.pos += 1
        kind, text, _ = self.peek()
        if kind != "num":
            self.fail("expected a number")
        self.pos += 1
        return -float(text) if negative else float(text)

    def parse_atom(self):
        kind, text, column = self.peek()
        if kind == "num":
            self.pos += 1
            return self.node(("num", float(text)))
        if kind == "sym" and text == "(":
            self.pos += 1
            inner = self.parse_expr()
            self.expect_sym(")")
            return inner
        if kind == "word" and text in FIELDS:
            self.pos += 1
            return self.node(("field", text))
        if kind == "word" and text in INDICATORS:
            self.pos += 1
            return self.parse_indicator(text)
        if kind == "word":
            raise RuleError("unknown name '%s'" % text, column)
        self.fail("expected a number, a price field or an indicator")
        return None

    def parse_indicator(self, name):
        periods, reals, takes_source = INDICATORS[name]
        self.expect_sym("(")
        numbers = []
        for k in range(periods + reals):
            if k > 0:
                self.expect_sym(",")
            numbers.append(self.whole_number("a period", MAX_PERIOD) if k < periods else self.real_number())
        source = None
        if takes_source and self.is_sym(","):
            self.pos += 1
            source = self.parse_postfix()
            if source[0] not in ("field", "ind", "lag"):
                self.fail("the source of %s must be a series" % name)
        self.expect_sym(")")
        return self.node(("ind", name, tuple(numbers), source))


def parse(text):
    """Parses a rule into its tree; raises RuleError with the column on bad input."""
    return Parser(text).parse_rule()


# ---------------------------------------------------------------------------
# Evaluation: plain per-bar recursion; whole-history indicator series computed once per rule.
# ---------------------------------------------------------------------------

def ieee_divide(a, b):
    if b == 0.0:
        if a == 0.0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def indicator_over(name, numbers, src, bars):
    """The whole-history series of an indicator; src is a full series (list, None = undefined) or None."""
    closes = [b["close"] for b in bars]
    if src is None:
        src = closes
    if name == "sma":
        return ref.sma(src, numbers[0])
    if name == "ema":
        return ref.ema(src, numbers[0])
    if name == "rsi":
        return from_first_defined(src, lambda xs: ref.rsi(xs, numbers[0]))
    if name == "roc":
        n = numbers[0]
        out = [None] * len(src)
        for t in range(n, len(src)):
            if src[t] is not None and src[t - n] is not None:
                out[t] = (ieee_divide(src[t], src[t - n]) - 1.0) * 100.0
        return out
    if name == "highest" or name == "lowest":
        n = numbers[0]
        pick = max if name == "highest" else min
        out = [None] * len(src)
        for t in range(n - 1, len(src)):
            window = src[t - n + 1: t + 1]
            if all(v is not None for v in window):
                out[t] = pick(window)
        return out
    if name == "atr":
        return ref.atr([b["high"] for b in bars], [b["low"] for b in bars], closes, numbers[0])
    if name in ("macd", "macd_signal", "macd_hist"):
        line, signal = ref.macd(closes, numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 1)
        if name == "macd":
            return line
        if name == "macd_signal":
            return signal
        return [None if (a is None or b is None) else a - b for a, b in zip(line, signal)]
    if name == "bb_middle":
        return ref.bollinger(closes, numbers[0], 0.0)[1]
    if name == "bb_upper":
        return ref.bollinger(closes, numbers[0], numbers[1])[0]
    if name == "bb_lower":
        return ref.bollinger(closes, numbers[0], numbers[1])[2]
    raise ValueError("unknown indicator " + name)


def from_first_defined(src, compute):
    """Applies an indicator to the source from its first defined value on, padding with None."""
    start = next((i for i, v in enumerate(src) if v is not None), None)
    if start is None:
        return [None] * len(src)
    return [None] * start + compute(src[start:])


class Evaluator:
    def __init__(self, bars):
        self.bars = bars
        self.series_cache = {}
        # Closest non-zero gap between the two sides of any comparison seen, relative to their size:
        # a fixture decided by a gap near rounding error would test rounding, not the rule.
        self.closest_gap = math.inf
        self.exact_ties = 0

    def series(self, node):
        """The whole-history series of an expression node (used for indicator sources)."""
        key = repr(node)
        if key not in self.series_cache:
            if node[0] == "ind":
                _, name, numbers, src = node
                self.series_cache[key] = indicator_over(name, numbers, None if src is None else self.series(src), self.bars)
            else:
                self.series_cache[key] = [self.value(node, t) for t in range(len(self.bars))]
        return self.series_cache[key]

    def value(self, node, t):
        kind = node[0]
        if t < 0:
            return None
        if kind == "num":
            return node[1]
        if kind == "field":
            return self.bars[t][node[1]]
        if kind == "ind":
            return self.series(node)[t]
        if kind == "lag":
            return self.value(node[1], t - node[2])
        if kind == "neg":
            v = self.value(node[1], t)
            return None if v is None else -v
        if kind == "bin":
            a = self.value(node[2], t)
            b = self.value(node[3], t)
            if a is None or b is None:
                return None
            op = node[1]
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            return ieee_divide(a, b)
        raise ValueError("not an expression: %r" % (node,))

    def compare(self, op, a, b):
        if a is None or b is None:
            return False
        gap = abs(a - b)
        if gap == 0.0:
            self.exact_ties += 1
        elif math.isfinite(gap):
            self.closest_gap = min(self.closest_gap, gap / max(1.0, abs(a), abs(b)))
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        if op == ">=":
            return a >= b
        return a == b

    def holds(self, node, t):
        kind = node[0]
        if kind == "and":
            # Both sides always evaluated: no short-circuit, so the gap statistics see everything.
            a = self.holds(node[1], t)
            b = self.holds(node[2], t)
            return a and b
        if kind == "or":
            a = self.holds(node[1], t)
            b = self.holds(node[2], t)
            return a or b
        if kind == "not":
            return not self.holds(node[1], t)
        if kind == "cmp":
            return self.compare(node[1], self.value(node[2], t), self.value(node[3], t))
        if kind == "cross":
            _, direction, left, right = node
            now_op, before_op = (">", "<=") if direction == "above" else ("<", ">=")
            now = self.compare(now_op, self.value(left, t), self.value(right, t))
            before = self.compare(before_op, self.value(left, t - 1), self.value(right, t - 1))
            return now and before
        raise ValueError("not a condition: %r" % (node,))


def desired_states(tree, bars, first, last, evaluator=None):
    """Bar index -> desired position after that bar's close (True = long), for bars first..last."""
    ev = evaluator or Evaluator(bars)
    states = {}
    state = False
    for t in range(first, last + 1):
        if tree[0] == "hold":
            state = ev.holds(tree[1], t)
        else:
            entry = ev.holds(tree[1], t)
            exit_ = ev.holds(tree[2], t)
            state = (not exit_) if state else entry
        states[t] = state
    return states
