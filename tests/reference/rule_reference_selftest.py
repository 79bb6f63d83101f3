"""Hand-checked cases for rule_reference.py, run by `backtest_reference.py selftest`."""

import math

import rule_reference as rr

CLOSES = [1.0, 2.0, 3.0, 2.0, 1.0, 2.0, 3.0]
N = None


def bars_from(closes, volumes=None):
    return [{"date": "2024-01-%02d" % (i + 1), "open": c, "high": c, "low": c, "close": c,
             "volume": (volumes[i] if volumes else 100.0)} for i, c in enumerate(closes)]


def values(text, closes=CLOSES):
    """The values of an expression at every bar, through a throwaway comparison."""
    tree = rr.parse("hold while " + text + " > 0")
    ev = rr.Evaluator(bars_from(closes))
    return [ev.value(tree[1][2], t) for t in range(len(closes))]


def holds(text, closes=CLOSES):
    tree = rr.parse("hold while " + text)
    ev = rr.Evaluator(bars_from(closes))
    return [ev.holds(tree[1], t) for t in range(len(closes))]


def states(rule, closes=CLOSES):
    bars = bars_from(closes)
    result = rr.desired_states(rr.parse(rule), bars, 0, len(bars) - 1)
    return [result[t] for t in range(len(bars))]


def close_list(actual, expected, tol=1e-12):
    assert len(actual) == len(expected), (actual, expected)
    for a, e in zip(actual, expected):
        if e is None:
            assert a is None, (actual, expected)
        else:
            assert a is not None and abs(a - e) <= tol * max(1.0, abs(e)), (actual, expected)


def refused(text, column=None):
    try:
        rr.parse(text)
    except rr.RuleError as error:
        assert column is None or error.column == column, (text, str(error))
        return str(error)
    raise AssertionError("accepted: " + text)


def run():
    parsing()
    expressions()
    conditions()
    positions()


def parsing():
    # not < and < or; comparisons bind tightest.
    tree = rr.parse("hold while not close < 1 and close > 2 or close > 3")
    cond = tree[1]
    assert cond[0] == "or" and cond[1][0] == "and" and cond[1][1][0] == "not" and cond[1][1][1][0] == "cmp", cond
    # * before +; unary minus on the atom; lag on the series.
    tree = rr.parse("hold while -close[1] + 2 * close > 0")
    left = tree[1][2]
    assert left == ("bin", "+", ("neg", ("lag", ("field", "close"), 1)),
                    ("bin", "*", ("num", 2.0), ("field", "close"))), left
    # Case-insensitive, word operators, the three separators.
    words = {
        "is below": "<", "is above": ">", "greater than": ">", "is greater than": ">",
        "less than": "<", "is less than": "<", "at least": ">=", "at most": "<=", "equals": "==",
    }
    for phrase, op in words.items():
        assert rr.parse("HOLD WHILE Close %s Open" % phrase.upper())[1][1] == op, phrase
    for phrase, direction in (("crosses above", "above"), ("cross above", "above"), ("crossed above", "above"),
                              ("crosses below", "below"), ("cross below", "below"), ("crossed below", "below")):
        assert rr.parse("hold while close %s open" % phrase)[1][:2] == ("cross", direction), phrase
    for sep in (",", ";", " then"):
        assert rr.parse("buy when close > 1%s sell when close < 1" % sep)[0] == "entry_exit"
    # A parenthesised expression on the left of a comparison, and a parenthesised condition.
    assert rr.parse("hold while (close - open) / open > 0.01")[1][0] == "cmp"
    assert rr.parse("hold while (close > open or close > 1) and volume > 0")[1][1][0] == "or"
    # Sources: a field, an indicator, a lagged series.
    assert rr.parse("hold while sma(3, rsi(2)[1]) > 0")[1][2] == (
        "ind", "sma", (3,), ("lag", ("ind", "rsi", (2,), None), 1))
    # Refusals name the column.
    refused("hold while smaa(3) > 1", 12)
    refused("hold while close > sma(0)", 24)
    refused("hold while close > close[5001]", 26)
    refused("hold while close > sma(5001)", 24)
    refused("hold while (close)[1] > 1", 19)
    refused("hold while 2[1] > 1", 13)
    refused("buy when close > 1", 19)
    refused("sell when close > 1", 1)
    refused("hold while close >", 19)
    refused("hold while " + "close + " * 250 + "close > 0")
    refused("hold while close > " + "1" * 2000)
    assert rr.parse("hold while close > close[5000] and sma(5000) > 0")


def expressions():
    close_list(values("highest(3)"), [N, N, 3, 3, 3, 2, 3])
    close_list(values("lowest(3)"), [N, N, 1, 2, 1, 1, 1])
    close_list(values("close[1]"), [N, 1, 2, 3, 2, 1, 2])
    close_list(values("close[1][2]"), [N, N, N, 1, 2, 3, 2])
    close_list(values("highest(2, close[1])"), [N, N, 2, 3, 3, 2, 2])
    close_list(values("sma(2, close[1])"), [N, N, 1.5, 2.5, 2.5, 1.5, 1.5])
    # EMA(2) over close[1]: seed mean(1,2) = 1.5 at bar 2, alpha 2/3: 2/3*3 + 1/3*1.5 = 2.5, then 2/3*2 + 1/3*2.5 = 13/6.
    close_list(values("ema(2, close[1])")[:5], [N, N, 1.5, 2.5, 13.0 / 6.0])
    # RSI(2) over close[1] (1,2,3,2,1,2 from bar 1): first value two bars after the start, at bar 3:
    # gains 1,1 -> 100; bar 4: change -1: avg gain (1+0)/2, avg loss (0+1)/2 -> 50.
    close_list(values("rsi(2, close[1])")[:5], [N, N, N, 100.0, 50.0])
    close_list(values("roc(1, close[1])"), [N, N, 100.0, 50.0, -100.0 / 3.0, -50.0, 100.0])
    # Unary minus and precedence: -close[1] + 2*close at bar 2 = -2 + 6.
    close_list(values("-close[1] + 2 * close"), [N, 3, 4, 1, 0, 3, 4])
    close_list(values("close - 1 - 1"), [-1, 0, 1, 0, -1, 0, 1])
    close_list(values("12 / close / 2"), [6, 3, 2, 3, 6, 3, 2])
    # MACD(2, 3, 2): hist at the first signal bar is (line[3] - line[2]) / 2.
    xs = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    line = values("macd(2, 3)", xs)
    hist = values("macd_hist(2, 3, 2)", xs)
    assert hist[:3] == [N, N, N] and abs(hist[3] - (line[3] - line[2]) / 2.0) < 1e-12, hist
    # Bollinger(3) on 1,2,3: middle 2, pop std sqrt(2/3).
    close_list(values("bb_middle(3)", [1.0, 2.0, 3.0]), [N, N, 2.0])
    close_list(values("bb_upper(3, 1.5)", [1.0, 2.0, 3.0]), [N, N, 2.0 + 1.5 * math.sqrt(2.0 / 3.0)])
    close_list(values("bb_lower(3, 2)", [1.0, 2.0, 3.0]), [N, N, 2.0 - 2.0 * math.sqrt(2.0 / 3.0)])
    # Division by zero is IEEE: +inf, and 0/0 is NaN.
    assert values("close / 0")[0] == math.inf
    assert math.isnan(values("(close - close) / 0")[0])


def conditions():
    # Undefined (warm-up, lag before bar 0) makes a comparison false, so its negation true.
    assert holds("close[1] > 0") == [False] + [True] * 6
    assert holds("not (close[1] > 0)") == [True] + [False] * 6
    assert holds("not close[1] > 0") == [True] + [False] * 6
    assert holds("not highest(3) > 0") == [True, True, False, False, False, False, False]
    # NaN compares false both ways.
    assert holds("(close - close) / 0 < 1") == [False] * 7
    assert holds("not (close - close) / 0 < 1") == [True] * 7
    assert holds("close / 0 > 1000") == [True] * 7
    # Crosses: a[t] > b[t] and a[t-1] <= b[t-1]; never at bar 0.
    assert holds("close crosses above 2") == [False, False, True, False, False, False, True]
    assert holds("close crosses above 1.5") == [False, True, False, False, False, True, False]
    assert holds("close crosses below 2") == [False, False, False, False, True, False, False]
    assert holds("close crosses below 2.5") == [False, False, False, True, False, False, False]
    # Both sides re-evaluated a bar earlier: at bar 1 close[1] a bar earlier is undefined, so no cross;
    # at bar 5, 2 > 1 now and 1 <= 2 before.
    assert holds("close crosses above close[1]") == [False, False, False, False, False, True, False]
    # Precedence: and before or.
    assert holds("close < 2 or close > 2 and close > 5") == [True, False, False, False, True, False, False]
    assert holds("(close < 2 or close > 2) and close > 5") == [False] * 7
    assert holds("close < 2 or close == 2 and close[1] < 2") == [True, True, False, False, True, True, False]
    assert holds("close == highest(3)") == [False, False, True, False, False, True, True]
    assert holds("volume equals 100") == [True] * 7


def positions():
    assert states("hold while close > close[1]") == [False, True, True, False, False, True, True]
    assert states("buy when close >= 2, sell when close <= 2") == [False, True, True, False, False, True, True]
    # Both hold: entry wins when flat, exit wins when long.
    assert states("buy when close >= 2, sell when close >= 2") == [False, True, False, True, True, False, True]
    assert states("buy when close > 0; sell when close > 0") == [True, False, True, False, True, False, True]
    # The state starts flat at the range's first bar, whatever held before it.
    bars = bars_from(CLOSES)
    partial = rr.desired_states(rr.parse("buy when close > 0 then sell when close < 0"), bars, 3, 6)
    assert partial == {3: True, 4: True, 5: True, 6: True}, partial
