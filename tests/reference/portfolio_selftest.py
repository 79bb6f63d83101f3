"""Self-checks of portfolio_reference.py (run by `portfolio_reference.py selftest`).

The hand cases are also written to the engine's fixture (hand_cases()), bars inline, so the C# side meets the
same tie, re-used slot, skipped entry and missing bar as this file checks by hand."""

import os

import backtest_reference as ref
import execution_reference as exe
import portfolio_reference as pf

DAYS = ["2024-01-0%d" % d for d in range(1, 8)]


def approx(a, b, tol=1e-12):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def series(rows, dates=DAYS):
    """rows: (open, high, low, close) or None for a missing bar, one per date."""
    return [{"date": d, "open": float(r[0]), "high": float(r[1]), "low": float(r[2]), "close": float(r[3]),
             "volume": 0.0} for d, r in zip(dates, rows) if r is not None]


def flat(*closes):
    return [None if c is None else (c, c, c, c) for c in closes]


def hand_cases():
    """momentum(lookback=1): long after a bar that closed above the bar before; strength = that one-bar return."""
    three = {
        "name": "hand-three-symbols", "symbols": ["CCC", "AAA", "BBB"], "from": DAYS[0], "to": DAYS[-1],
        "strategy": {"name": "momentum", "lookback": 1, "threshold": 0}, "max_positions": 2, "rank": "strength",
        "execution": {"costs": "bps:0"}, "initial_capital": 1000000.0,
        "bars": {
            "AAA": series([(100, 100, 100, 100), (100, 110, 100, 110), (110, 121, 110, 121), (121, 121, 115, 115),
                           (117, 117, 117, 117), (118, 118, 118, 118), (119, 119, 119, 119)]),
            "BBB": series([(100, 100, 100, 100), (100, 100, 100, 100), (100, 110, 100, 110), (110, 115, 110, 115),
                           (115, 115, 115, 115), (116, 116, 116, 116), (116, 116, 116, 116)]),
            "CCC": series([(100, 100, 100, 100), (100, 100, 100, 100), (100, 110, 100, 110), (112, 115, 112, 115),
                           (115, 120, 115, 120), None, (121, 121, 121, 121)]),
        },
    }
    # Whole shares, Rs 1,000 in two slots of Rs 500: EXP at 600 buys nothing (skipped, then waits for a flat
    # signal), CHP at 300 buys one share. A 5% stop takes CHP out the day it enters (low 280 < 285).
    skip = {
        "name": "hand-skip-and-stop", "symbols": ["EXP", "CHP"], "from": DAYS[0], "to": DAYS[4],
        "strategy": {"name": "buy_hold"}, "max_positions": 2,
        "execution": {"costs": "bps:0", "whole_shares": True, "stop": 0.05}, "initial_capital": 1000.0,
        "bars": {"EXP": series(flat(600, 600, 600, 600, 600)),
                 "CHP": series([(300, 300, 300, 300), (300, 300, 280, 290), (290, 290, 290, 290),
                                (290, 290, 290, 290), (290, 290, 290, 290)])},
    }
    return [three, skip]


def check_three():
    r = pf.run_portfolio(hand_cases()[0], hand_cases()[0]["bars"])["report"]
    a1 = 500000.0 / 110        # day 3: AAA alone signals, half the equity at 110
    b = 500000.0 / 110         # day 4: BBB ties CCC at +10% and wins by symbol; its slot budget 525,000 is capped at the cash
    cash5 = a1 * 117           # day 5: AAA's flat signal sells it at the open ...
    c = (a1 * 115 + b * 115) / 2 / 115   # ... and CCC takes the freed slot the same day: half of day 4's equity
    cash5 -= c * 115
    cash6 = cash5 + b * 116    # day 6: BBB sells; CCC has no bar (kept at 120); AAA re-enters with all the cash
    a2 = cash6 / 118
    want = [1e6, 1e6, 500000 + a1 * 121, a1 * 115 + b * 115, cash5 + b * 115 + c * 120, a2 * 118 + c * 120,
            a2 * 119 + c * 121]
    assert all(approx(x, y) for x, y in zip(r["equity"], want)) and len(r["equity"]) == 7, (r["equity"], want)
    assert r["positions"] == [0, 0, 1, 2, 2, 2, 2], r["positions"]
    assert approx(r["cash"][4], cash5) and r["cash"][5] == 0.0, r["cash"]
    assert approx(r["exposure"][4], (b * 115 + c * 120) / want[4])
    got = [(t["symbol"], t["entry_date"], t["exit_date"], t["entry_price"], t["exit_price"], t["reason"])
           for t in r["trades"]]
    assert got == [("AAA", DAYS[2], DAYS[4], 110, 117, "signal"), ("BBB", DAYS[3], DAYS[5], 110, 116, "signal"),
                   ("AAA", DAYS[5], DAYS[6], 118, 119, "open"), ("CCC", DAYS[4], DAYS[6], 115, 121, "open")], got
    contests = r["contests"]
    assert [(x["date"], x["free"], x["entered"], x["tie_at_cut"]) for x in contests] == [
        (DAYS[3], 1, ["BBB"], True)], contests
    assert contests[0]["ranked"][0][1] == contests[0]["ranked"][1][1]
    contribution = r["contribution"]
    assert approx(contribution["AAA"]["pnl"], a1 * 7 + a2 * 1) and approx(contribution["BBB"]["pnl"], b * 6)
    assert approx(contribution["CCC"]["pnl"], c * 6)
    total = contribution["AAA"]["pnl"] + contribution["BBB"]["pnl"] + contribution["CCC"]["pnl"]
    assert approx(total, want[-1] - 1e6, 1e-9)
    m = r["metrics"]
    assert m["trades"] == 4 and m["skipped_entries"] == 0 and m["fees"] == 0.0 and m["max_positions_held"] == 2
    assert approx(m["turnover"], (a1 * 110 + a1 * 117 + b * 110 + b * 116 + c * 115 + a2 * 118) / 1e6)
    assert approx(m["exposure"], 5 / 7.0) and approx(m["mean_positions"], 9 / 7.0)
    # Benchmark: a third each, bought at each symbol's second bar's open (all 100), CCC's missing day carried.
    bench = r["benchmark"]["equity"]
    third = 1e6 / 3
    want_bench = [1e6] + [third / 100 * (a + b_ + c_) for a, b_, c_ in
                          ((110, 100, 100), (121, 110, 110), (115, 115, 115), (117, 115, 120), (118, 116, 120), (119, 116, 121))]
    assert all(approx(x, y) for x, y in zip(bench, want_bench)), (bench, want_bench)


def check_skip_and_stop():
    case = hand_cases()[1]
    r = pf.run_portfolio(case, case["bars"])["report"]
    # Day 2: both signal (strength 0, ranked CHP, EXP); budget 500 each: one CHP (300) and no EXP (600).
    # CHP's 5% stop at 285 is hit the same day (low 280): sold at 285. Equity 1000 - 300 + 285 = 985.
    # Then CHP waits for a flat signal (buy and hold never gives one) and EXP too, so nothing more trades.
    assert r["equity"] == [1000.0, 985.0, 985.0, 985.0, 985.0], r["equity"]
    assert [(t["symbol"], t["exit_price"], t["shares"], t["reason"]) for t in r["trades"]] == [("CHP", 285.0, 1, "stop")]
    assert r["metrics"]["skipped_entries"] == 1 and r["positions"] == [0, 0, 0, 0, 0]
    assert r["contests"] == []


def check_ranking():
    ranked = pf.rank_candidates([("ZED", 0.5), ("AAA", None), ("BBB", 0.5), ("M&M", 0.7), ("ABC", None)])
    assert [s for s, _ in ranked] == ["M&M", "BBB", "ZED", "AAA", "ABC"], ranked
    assert pf.parse_rank("momentum(63)") == 63 and pf.parse_rank("strength") is None
    for bad in ("momentum(0)", "momentum", "sharpe"):
        try:
            pf.parse_rank(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
    closes = [100.0, 110.0, 99.0]
    assert pf.lookback_return(closes, 2) == [None, None, 99.0 / 100.0 - 1.0]
    assert pf.strength_series({"rule": "hold while close > 1"}, series(flat(1, 2))) == [0.0, 0.0]
    rsi = pf.strength_series(pf.resolve_strategy({"name": "rsi", "period": 2}), series(flat(1, 2, 1, 3)))
    assert rsi[:2] == [None, None] and approx(rsi[2], 30 - 50.0) and approx(rsi[3], 30 - (100 - 100 / 6.0))


def check_one_symbol_is_a_backtest(data_dir):
    """One symbol, one slot: the portfolio is the single-symbol execution backtest with all the cash."""
    bars = ref.load_csv(os.path.join(data_dir, "TCS.csv"))
    for execution in ({"costs": "zerodha-delivery", "stop": 0.05, "target": 0.12},
                      {"costs": "bps:10", "trail": 0.04, "slippage_bps": 5}):
        case = {"name": "one", "symbols": ["TCS"], "from": "2021-01-01", "to": "2024-12-31",
                "strategy": {"name": "rsi"}, "max_positions": 1, "execution": execution, "initial_capital": 1e6}
        r = pf.run_portfolio(case, {"TCS": bars})["report"]
        first, last = ref.select_range(bars, case["from"], case["to"])
        states = ref.desired_states("rsi", ref.DEFAULTS["rsi"], bars, first, last)
        equity, _, trades, extra = exe.simulate_exec(bars, states, first, last, dict(execution, size="all"), 1e6)
        assert len(equity) == len(r["equity"]) and all(approx(x, y, 1e-9) for x, y in zip(equity, r["equity"]))
        assert [(t["entry_date"], t["exit_date"], t["reason"]) for t in trades] == \
            [(t["entry_date"], t["exit_date"], t["reason"]) for t in r["trades"]]
        assert approx(extra["fees"], r["metrics"]["fees"], 1e-9) and len(trades) > 3


def check_buy_hold_is_the_benchmark(data_dir):
    """Buy and hold in N slots with fractional shares is the equal-weight benchmark (cash rounding aside)."""
    symbols = ["TCS", "INFY", "SBIN"]
    bars = {s: ref.load_csv(os.path.join(data_dir, s + ".csv")) for s in symbols}
    case = {"name": "bh", "symbols": symbols, "from": "2022-01-01", "to": "2023-12-31", "strategy": {"name": "buy_hold"},
            "max_positions": 3, "execution": {"costs": "bps:10"}, "initial_capital": 1e6}
    r = pf.run_portfolio(case, bars)["report"]
    assert all(approx(x, y, 1e-9) for x, y in zip(r["equity"], r["benchmark"]["equity"]))
    assert r["contests"] == [] and r["metrics"]["trades"] == 3


def run():
    data_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
    check_ranking()
    check_three()
    check_skip_and_stop()
    check_one_symbol_is_a_backtest(data_dir)
    check_buy_hold_is_the_benchmark(data_dir)
