#!/usr/bin/env python3
"""Writes the rule-language fixtures (rule_backtests.json) and checks the built-ins written as rules.

    python3 generate_rule_fixtures.py DATA_DIR OUT_JSON

1. Every bundled symbol (DATA_DIR/*.csv), whole history, 10 bps: each of the six built-ins written as
   a rule gives exactly (==, every metric and trade) the reference's own built-in result. A mismatch
   stops the script.
2. Each case below is run through the reference and written out with the rule text as written
   (the C# test parses that text). Cases marked with a built-in are checked equal to it too.
3. Each case reports the closest non-zero gap between the two sides of any comparison (relative):
   a case decided by a gap near rounding error would test summation order, not the rule, so the
   script fails if one falls under 1e-9.
"""

import glob
import json
import os
import sys

import backtest_reference as ref

BUILTIN_RULES = [
    ({"name": "rsi"}, "buy when rsi(14) < 30, sell when rsi(14) > 70"),
    ({"name": "macd"}, "hold while macd(12, 26) > macd_signal(12, 26, 9)"),
    ({"name": "momentum"}, "hold while close / close[20] - 1 > 0"),
    ({"name": "sma_cross"}, "hold while sma(50) > sma(200)"),
    ({"name": "bollinger"}, "buy when close < bb_lower(20, 2), sell when close > bb_middle(20)"),
    ({"name": "buy_hold"}, "hold while close > 0"),
]

# Ranges: (symbol, from, to, cost bps)
A = ("RELIANCE", "2021-01-01", "2026-12-31", 10)   # whole history: warm-ups reach into the range
B = ("INFY", "2023-03-01", "2025-06-30", 5)
C = ("HDFCBANK", "2024-01-01", "2024-12-31", 3)
D = ("TCS", "2022-01-01", "2023-12-31", 0)
E = ("M&M", "2021-01-01", "2026-12-31", 15)
F = ("SBIN", "2024-02-01", "2024-02-29", 10)

# (rule text as written, ranges, what it covers)
CASES = [
    ("buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70", [A, B, D, E],
     "the bench rule; sma(200) warm-up inside the range on A and E"),
    ("Buy When RSI(2) < 10 AND Close > SMA(200), Sell When RSI(2) > 70", [C], "case-insensitive"),
    ("buy when ema(10) crosses above ema(30), sell when ema(10) crosses below ema(30)", [A, B, C],
     "crosses above/below, ema"),
    ("buy when close crossed above bb_upper(20, 2); sell when close cross below bb_middle(20)", [A, D],
     "crossed above / cross below, ';', bollinger bands"),
    ("hold while macd_hist(8, 21, 5) > macd_hist(8, 21, 5)[1]", [A, B], "macd_hist, lagged indicator"),
    ("buy when roc(10) is above 5 then sell when roc(10) is below -5", [A, E],
     "roc, 'is above'/'is below', 'then', unary minus on a number"),
    ("hold while atr(14) / close < 0.02", [A, C], "atr, division"),
    ("buy when close == highest(20), sell when close == lowest(10)", [A, B], "==, highest, lowest"),
    ("buy when low <= lowest(20, low)[1], sell when high >= highest(10, high)[1]", [A, D],
     "<=, >=, highest/lowest over a price field, lag of an indicator"),
    ("hold while not (close < sma(50)) and volume > sma(20, volume)", [A, C],
     "not over an undefined comparison (true in warm-up), volume, sma over volume"),
    ("hold while close > open or close > close[1] and volume > volume[1]", [A], "and binds tighter than or"),
    ("hold while (close > open or close > close[1]) and volume > volume[1]", [A], "parentheses over and/or"),
    ("hold while close > close[250]", [A, B], "a lag reaching before the first bar inside the range"),
    ("buy when not (close[1200] > 0), sell when close[1200] > 0", [A],
     "not over a lag before bar 0 (true), exit once the lag reaches bar 0"),
    ("hold while -close[1] + 2 * close > (high + low) / 2", [A, C],
     "unary minus, * before +, parenthesised arithmetic, division"),
    ("hold while rsi(14, sma(3)) greater than 50", [A, B], "rsi over an indicator, 'greater than'"),
    ("buy when ema(20, rsi(7)) is less than 40, sell when ema(20, rsi(7)) at least 60", [A, D],
     "ema over rsi (starts at rsi's first value), 'is less than', 'at least'"),
    ("buy when sma(10) crosses above sma(30) and rsi(14) at most 70, "
     "sell when close crosses below sma(30) or close < bb_lower(20, 2.5)", [A, B],
     "crosses inside and/or, 'at most', fractional k"),
    ("buy when close > open, sell when close > close[1]", [A, C],
     "both conditions hold on many bars: entry wins when flat, exit wins when long"),
    ("buy when close > 0, sell when close > 0", [C, F], "both always hold: the position flips every bar"),
    ("buy when open equals low, sell when close equals high", [A, B], "'equals' on price fields"),
    ("hold while lowest(10, rsi(14)) > 30 and bb_upper(20, 2) - bb_lower(20, 2) < 0.1 * bb_middle(20)", [A, B],
     "lowest over rsi, band width arithmetic"),
    ("buy when macd(12, 26) crosses above macd_signal(12, 26, 9), "
     "sell when macd(12, 26) crosses below macd_signal(12, 26, 9)", [A, B], "crosses of macd and its signal"),
    ("buy when (close - open) / open < -0.02, sell when -(close - open) / open < -0.01", [A, C],
     "unary minus on a parenthesised expression, division"),
    ("hold while ema(10, close[3]) < ema(10) and roc(5, ema(10)) > -1", [A, D],
     "ema over a lagged source (starts at bar 3), roc over an indicator"),
    ("hold while highest(5, atr(14)) * 3 < close - lowest(5, close)[1] + 10", [A],
     "highest over atr, explicit close source"),
    ("hold while volume is greater than 2 * sma(50, volume[1])", [A, C], "sma over lagged volume, 'is greater than'"),
]

# Built-ins written as rules on the ranges of backtests.json (default and non-default parameters).
BUILTIN_CASES = [(spec, rule, A) for spec, rule in BUILTIN_RULES] + [
    ({"name": "rsi", "period": 10, "lower": 25, "upper": 75}, "buy when rsi(10) < 25, sell when rsi(10) > 75", D),
    ({"name": "macd", "fast": 5, "slow": 35, "signal": 5}, "hold while macd(5, 35) > macd_signal(5, 35, 5)",
     ("INFY", "2023-03-01", "2025-06-30", 5)),
    ({"name": "sma_cross", "fast": 20, "slow": 100}, "hold while sma(20) > sma(100)",
     ("INFY", "2022-06-15", "2025-12-31", 25)),
    ({"name": "bollinger", "period": 10, "k": 1.5},
     "buy when close < bb_lower(10, 1.5), sell when close > bb_middle(10)", ("HDFCBANK", "2024-01-01", "2024-12-31", 3)),
    ({"name": "momentum", "lookback": 60, "threshold": 0.05}, "hold while close / close[60] - 1 > 0.05",
     ("HDFCBANK", "2021-06-01", "2025-06-01", 0)),
    ({"name": "buy_hold"}, "hold while close > 0", F),
]

MIN_GAP = 1e-9


def outcome(result):
    """The part of a backtest result that must agree: range, metrics, trades."""
    return {k: result[k] for k in ("from", "to", "bars", "metrics", "trades")}


def run_rule(data_dir, rule, symbol, date_from, date_to, cost):
    evaluators = []
    result = ref.run_rule_backtest(os.path.join(data_dir, symbol + ".csv"), rule, date_from, date_to, cost, evaluators)
    return result, evaluators[0]


def check_builtin(data_dir, spec, rule, symbol, date_from, date_to, cost):
    builtin = ref.run_backtest(os.path.join(data_dir, symbol + ".csv"), json.dumps(spec), date_from, date_to, cost)
    written, _ = run_rule(data_dir, rule, symbol, date_from, date_to, cost)
    if outcome(builtin) != outcome(written):
        sys.exit("built-in %s and rule '%s' differ on %s %s..%s" % (json.dumps(spec), rule, symbol, date_from, date_to))


def main(data_dir, out_path):
    symbols = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(data_dir, "*.csv")) if not p.endswith("aliases.csv"))
    for symbol in symbols:
        for spec, rule in BUILTIN_RULES:
            check_builtin(data_dir, spec, rule, symbol, "2000-01-01", "2099-12-31", 10)
    print("built-ins as rules: identical on %d symbols x %d strategies" % (len(symbols), len(BUILTIN_RULES)), file=sys.stderr)

    fixtures = []
    runs = [(rule, rng, covers, None) for rule, ranges, covers in CASES for rng in ranges]
    runs += [(rule, rng, "the built-in %s written as a rule" % spec["name"], spec) for spec, rule, rng in BUILTIN_CASES]
    for rule, (symbol, date_from, date_to, cost), covers, spec in runs:
        if spec is not None:
            check_builtin(data_dir, spec, rule, symbol, date_from, date_to, cost)
        result, evaluator = run_rule(data_dir, rule, symbol, date_from, date_to, cost)
        if evaluator.closest_gap < MIN_GAP:
            sys.exit("'%s' on %s: a comparison is decided by a relative gap of %.3g, too close to rounding"
                     % (rule, symbol, evaluator.closest_gap))
        print("%-10s %4d bars %4d trades  gap %.1e  ties %5d  %s" % (symbol, result["bars"], result["metrics"]["trades"],
              evaluator.closest_gap, evaluator.exact_ties, rule), file=sys.stderr)
        result["symbol"] = symbol
        result["cost_bps"] = float(cost)
        result["covers"] = covers
        if spec is not None:
            result["builtin"] = spec
        fixtures.append(result)

    with open(out_path, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(r) for r in fixtures) + "\n]\n")
    print("%d rule fixtures written to %s" % (len(fixtures), out_path), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
