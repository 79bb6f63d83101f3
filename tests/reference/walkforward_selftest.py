"""Self-checks of walkforward_reference.py (run by `walkforward_reference.py selftest`)."""

from datetime import date, timedelta

import backtest_reference as ref
import execution_reference as exe
import walkforward_reference as wf


def L(months, days=0):
    return {"months": months, "days": days}


def approx(a, b, tol=1e-12):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check_windows():
    # AddMonths clamps, then AddDays.
    assert wf.add_length(date(2024, 1, 31), 1, 0) == date(2024, 2, 29)
    assert wf.add_length(date(2023, 1, 30), 1, 1) == date(2023, 3, 1)   # days first would give 2023-02-28
    assert wf.add_length(date(2023, 11, 30), 3, 0) == date(2024, 2, 29)
    assert wf.add_length(date(2022, 1, 1), 0, 365) == date(2023, 1, 1)

    # From Jan 31, months added to From each time (not step by step): Feb 28, Mar 31, Apr 30, ...
    ws = wf.make_windows("2021-01-31", "2021-06-30", L(1), L(1), L(1), False)
    got = [(w["in_from"], w["in_to"], w["out_from"], w["out_to"]) for w in ws]
    assert got == [("2021-01-31", "2021-02-27", "2021-02-28", "2021-03-30"),
                   ("2021-02-28", "2021-03-30", "2021-03-31", "2021-04-29"),
                   ("2021-03-31", "2021-04-29", "2021-04-30", "2021-05-30"),
                   ("2021-04-30", "2021-05-30", "2021-05-31", "2021-06-29"),
                   ("2021-05-31", "2021-06-29", "2021-06-30", "2021-06-30")], got

    # Step == out tiles [out_from(0), To] exactly.
    one = timedelta(days=1)
    for start, end, lin, lout in (("2021-01-31", "2025-12-31", L(24), L(6)), ("2020-02-29", "2024-03-15", L(13, 5), L(2, 3)),
                                  ("2022-01-01", "2025-12-31", L(0, 365), L(0, 90)), ("2021-08-31", "2023-01-01", L(1), L(1))):
        ws = wf.make_windows(start, end, lin, lout, lout, False)
        assert ws[0]["out_from"] == wf.add_length(date.fromisoformat(start), lin["months"], lin["days"]).isoformat()
        assert ws[-1]["out_to"] == end, (start, ws[-1])
        for a, b in zip(ws, ws[1:]):
            assert date.fromisoformat(a["out_to"]) + one == date.fromisoformat(b["out_from"]), (a, b)
        for w in ws:
            assert date.fromisoformat(w["in_to"]) + one == date.fromisoformat(w["out_from"])

    # Anchored: in_from is From in every window; a longer step leaves gaps.
    ws = wf.make_windows("2021-01-01", "2025-06-30", L(18), L(6), L(9), True)
    assert [(w["in_from"], w["in_to"], w["out_from"], w["out_to"]) for w in ws] == [
        ("2021-01-01", "2022-06-30", "2022-07-01", "2022-12-31"),
        ("2021-01-01", "2023-03-31", "2023-04-01", "2023-09-30"),
        ("2021-01-01", "2023-12-31", "2024-01-01", "2024-06-30"),
        ("2021-01-01", "2024-09-30", "2024-10-01", "2025-03-31")], ws
    assert len(wf.make_windows("2021-01-01", "2024-12-31", L(24), L(6), L(6), False)) == 4
    assert len(wf.make_windows("2022-01-01", "2025-12-31", L(0, 365), L(0, 90), L(0, 90), False)) == 13

    for bad in ((L(6), L(6), L(3)), (L(0), L(6), L(6)), (L(60), L(6), L(6))):
        try:
            wf.make_windows("2021-01-01", "2024-12-31", *bad, False)
        except ValueError:
            continue
        raise AssertionError("accepted %r" % (bad,))
    end = date(2020, 1, 1) + timedelta(days=200)   # out_from(199) = From + 200 days
    assert len(wf.make_windows("2020-01-01", end.isoformat(), L(0, 1), L(0, 1), L(0, 1), False)) == 200
    try:
        wf.make_windows("2020-01-01", (end + timedelta(days=1)).isoformat(), L(0, 1), L(0, 1), L(0, 1), False)
        raise AssertionError("more than 200 windows accepted")
    except ValueError:
        pass


def check_ranking():
    def m(obj, sharpe=0.0, tr=0.0, trades=5, fees=0.0):
        return {"cagr": obj, "profit_factor": obj, "sharpe": sharpe, "total_return": tr, "trades": trades, "fees": fees}
    assert wf.pick([m(1.0), m(2.0), m(1.5)], "cagr", 5) == 1
    assert wf.pick([m(2.0, 1.0), m(2.0, 3.0), m(2.0, 2.0)], "cagr", 5) == 1            # then Sharpe
    assert wf.pick([m(2.0, 1.0, 0.1), m(2.0, 1.0, 0.3), m(2.0, 1.0, 0.2)], "cagr", 5) == 1  # then total return
    assert wf.pick([m(2.0, 1.0, 0.3), m(2.0, 1.0, 0.3)], "cagr", 5) == 0                # then grid order
    assert wf.pick([m(9.0, trades=4), m(1.0)], "cagr", 5) == 1                            # too few trades
    assert wf.pick([m(None), m(1.0)], "profit_factor", 5) == 1                           # not finite
    assert wf.pick([m(float("nan")), m(float("inf"))], "cagr", 0) is None
    assert wf.pick([m(0, fees=3.0), m(0, fees=1.0), m(0, fees=2.0)], "fees", 5) == 1      # lower is better
    assert wf.pick([], "cagr", 0) is None


def synthetic_bars(n, growth=0.01):
    start = date(2020, 1, 1)
    out = []
    for i in range(n):
        c = 100.0 * (1.0 + growth) ** i
        out.append({"date": (start + timedelta(days=i)).isoformat(), "open": c, "high": c, "low": c, "close": c,
                    "volume": 0.0})
    return out


def case(grid, min_trades=1, execution=None, to="2020-04-29"):
    return {"name": "t", "symbols": ["X"], "from": "2020-01-01", "to": to, "in": L(1), "out": L(1), "step": L(1),
            "anchored": False, "objective": "total_return", "min_trades": min_trades,
            "execution": execution or {"costs": "bps:10"}, "initial_capital": 1000000.0,
            "grid_text": "momentum(lookback=1, threshold=0.5|0)", "grid": grid}


def check_synthetic():
    bars = synthetic_bars(120)   # 2020-01-01 .. 2020-04-29, rising 1% a day
    # Threshold 0.5 never trades: the pick is the one that does, in every window.
    grid = [{"lookback": 1, "threshold": 0.5}, {"lookback": 1, "threshold": 0}]
    r = wf.walk_forward(case(grid), {"X": bars})["results"]["X"]
    assert [w["pick"] for w in r["windows"]] == [1, 1, 1] and r["distinct_picks"] == 1, r["windows"]
    assert r["stitched"]["metrics"]["total_return"] > 0 and r["efficiency"] is not None
    # Identical results: the earlier grid point, whichever it is.
    same = [{"lookback": 1, "threshold": 0}, {"lookback": 1, "threshold": -0.5}]
    for g in (same, same[::-1]):
        r = wf.walk_forward(case(g), {"X": bars})["results"]["X"]
        assert [w["pick"] for w in r["windows"]] == [0, 0, 0]
        m0 = wf.run_part(bars, "momentum", g[0], 31, 59, {"costs": "bps:10"}, 1e6)[0]
        m1 = wf.run_part(bars, "momentum", g[1], 31, 59, {"costs": "bps:10"}, 1e6)[0]
        assert m0 == m1
    # No candidate anywhere: no pick, the curve is flat cash.
    r = wf.walk_forward(case(grid, min_trades=2), {"X": bars})["results"]["X"]
    assert [w["pick"] for w in r["windows"]] == [None] * 3 and r["efficiency"] is None and r["distinct_picks"] == 0
    assert set(r["stitched"]["equity"]) == {1000000.0} and r["stitched"]["trades"] == []
    assert r["stitched"]["first"] == "2020-02-01" and r["stitched"]["last"] == "2020-04-29"
    assert len(r["stitched"]["equity"]) == 89 and r["stitched"]["metrics"]["total_return"] == 0.0


def check_liquidation():
    bars = synthetic_bars(120)
    ex = {"costs": "bps:10", "slippage_bps": 10}
    s, c = 0.001, 0.001
    grid = [{"lookback": 1, "threshold": 0}]
    r = wf.walk_forward(case(grid, execution=ex), {"X": bars})["results"]["X"]
    st = r["stitched"]
    # Window 0 out part: bars 31 (Feb 1) .. 59 (Feb 29). Bought at bar 32's open x (1 + s), all in.
    buy = bars[32]["open"] * (1 + s)
    value = 1e6 / (1 + c)
    shares = value / buy
    sale = shares * bars[59]["close"] * (1 - s)
    cash = sale - c * sale
    t0 = st["trades"][0]
    assert (t0["entry_date"], t0["exit_date"], t0["reason"]) == ("2020-02-02", "2020-02-29", "window"), t0
    assert approx(t0["exit_price"], bars[59]["close"] * (1 - s)) and approx(t0["shares"], shares)
    assert approx(t0["fees"], 1e6 - value + c * sale)
    assert approx(t0["return"], cash / 1e6 - 1.0)
    eq = st["equity"]
    assert approx(eq[59 - 31], cash) and eq[60 - 31] == eq[59 - 31]   # the next segment starts flat with that cash
    # The segment's own figures mark at the close, with no exit charge.
    own = r["windows"][0]["out_metrics"]
    assert approx(own["final_equity"], shares * bars[59]["close"]) and own["trades"] == 1
    # Held through the sale's close; first bars of each segment flat. Exposure = held / curve bars.
    held_bars = (59 - 32 + 1) + (90 - 61 + 1) + (119 - 92 + 1)
    assert approx(st["metrics"]["exposure"], held_bars / 89.0)
    # Each segment starts with the cash the previous one ended with (its own run's initial capital).
    w1 = r["windows"][1]["out_metrics"]
    assert approx(w1["final_equity"] / (1 + w1["total_return"]), cash, 1e-9)
    reasons = [t["reason"] for t in st["trades"]]
    assert reasons == ["window", "window", "open"], reasons
    last = r["windows"][-1]["out_metrics"]
    assert approx(st["metrics"]["final_equity"], last["final_equity"]) and approx(eq[-1], last["final_equity"])
    # Fees and turnover over every trade; turnover against the job's capital.
    assert approx(st["metrics"]["fees"], sum(t["fees"] for t in st["trades"]))
    traded = sum(t["shares"] * t["entry_price"] for t in st["trades"]) + \
        sum(t["shares"] * t["exit_price"] for t in st["trades"] if t["reason"] != "open")
    assert approx(st["metrics"]["turnover"], traded / 1e6)
    # The liquidating run itself: sold at the last close less slippage, sell charges paid, last point = cash.
    states = ref.desired_states("momentum", grid[0], bars, 31, 59)
    eq2, held2, trades2, _ = exe.simulate_exec(bars, states, 31, 59, ex, 1e6, liquidate=True)
    assert held2[-1] and trades2[-1]["reason"] == "window" and approx(eq2[-1], cash)


def run():
    check_windows()
    check_ranking()
    check_synthetic()
    check_liquidation()
