#!/usr/bin/env python3
"""Execution rules of issue #13 for the independent reference: charges, slippage, sizing, whole shares, exits.

Plain Python from the issue's text, one explicit step at a time. Imported by backtest_reference.py when a
backtest is given an EXECUTION_JSON (its sixth argument); the five-argument form keeps the original
simulation (bps on each side, all in, fractional) untouched.

EXECUTION_JSON fields (all optional):
    costs          "bps:N" | "zerodha-delivery" | "zerodha-intraday" | {component: value, ...}   default "bps:10"
    slippage_bps   N (buys fill at open x (1 + s), sells at x (1 - s), before charges)          default 0
    size           "all" | "pct:P" | "amount:A"                                                   default "all"
    whole_shares   true | false                                                 default: the cost model's
    stop, target, trail   fractions (0.04 = 4%)                                                  default none

Decisions where the issue leaves room (the engine takes the same ones):
- A size's budget includes the buy's charges (pct:100 is the same as all). pct:P takes P% of equity at the
  fill, which is the cash (the position is flat when it enters); amount:A is capped by the cash.
- Stops and targets are prices relative to the entry fill (slippage included); a stop, target or trail exit
  fills at its price x (1 - s). With both a stop and a trail, the higher level is the one reached first; it is
  reported as "trail" only when the trail is strictly above the stop.
- An entry that buys zero whole shares is skipped and counted; like an exit by stop, it then waits for the
  signal to be flat on one bar before trying again.
- turnover = value bought + value sold (before charges) / initial capital. An open position at the end is
  marked to the last close with no exit charges; its fees are the buy's.
"""

import math

# The published schedule for NSE equity (Zerodha charges page, as stated in issue #13).
NAMED_COSTS = {
    "zerodha-delivery": {
        "brokerage_flat": 0.0, "brokerage_pct": 0.0, "stt_buy": 0.001, "stt_sell": 0.001,
        "exchange": 0.0000297, "sebi_per_crore": 10.0, "stamp_buy": 0.00015, "gst": 0.18,
        "dp_per_sell": 15.93, "whole_shares": True,
    },
    "zerodha-intraday": {
        "brokerage_flat": 20.0, "brokerage_pct": 0.0003, "stt_buy": 0.0, "stt_sell": 0.00025,
        "exchange": 0.0000297, "sebi_per_crore": 10.0, "stamp_buy": 0.00003, "gst": 0.18,
        "dp_per_sell": 0.0, "whole_shares": True,
    },
}


def cost_model(spec):
    if isinstance(spec, dict):
        return spec
    if spec.startswith("bps:"):
        rate = float(spec[4:]) / 10000.0
        # bps:N is brokerage of N bps with no cap and nothing else.
        return {"brokerage_flat": math.inf, "brokerage_pct": rate, "stt_buy": 0.0, "stt_sell": 0.0,
                "exchange": 0.0, "sebi_per_crore": 0.0, "stamp_buy": 0.0, "gst": 0.0,
                "dp_per_sell": 0.0, "whole_shares": False}
    return NAMED_COSTS[spec]


def charges(model, value, side):
    """Every component of one fill of value rupees, added up (no rounding)."""
    brokerage = min(model["brokerage_flat"], model["brokerage_pct"] * value)
    stt = (model["stt_buy"] if side == "buy" else model["stt_sell"]) * value
    exchange = model["exchange"] * value
    sebi = model["sebi_per_crore"] * value / 10000000.0
    stamp = model["stamp_buy"] * value if side == "buy" else 0.0
    gst = model["gst"] * (brokerage + exchange + sebi)
    dp = model["dp_per_sell"] if side == "sell" else 0.0
    return brokerage + stt + exchange + sebi + stamp + gst + dp


def largest_value(model, budget):
    """The largest V with V + buy charges(V) <= budget, by cases on the brokerage kink."""
    other = model["stt_buy"] + model["exchange"] + model["sebi_per_crore"] / 10000000.0 + model["stamp_buy"] \
        + model["gst"] * (model["exchange"] + model["sebi_per_crore"] / 10000000.0)
    # Case 1: brokerage is the percentage (below the cap).
    v = budget / (1.0 + other + model["brokerage_pct"] * (1.0 + model["gst"]))
    if model["brokerage_pct"] * v <= model["brokerage_flat"]:
        return max(v, 0.0)
    # Case 2: brokerage is the flat cap.
    v = (budget - model["brokerage_flat"] * (1.0 + model["gst"])) / (1.0 + other)
    return max(v, 0.0)


def whole_shares_within(model, budget, price):
    """The most whole shares whose value plus buy charges fit the budget (stepping, not trusting a division)."""
    n = math.floor(largest_value(model, budget) / price)
    while n > 0 and n * price + charges(model, n * price, "buy") > budget:
        n -= 1
    while (n + 1) * price + charges(model, (n + 1) * price, "buy") <= budget:
        n += 1
    return n


def simulate_exec(bars, states, first, last, execution, initial_capital, liquidate=False):
    """One long-or-flat run. With liquidate=True (a walk-forward segment that is not the last), a position
    still open after the last bar is sold at its close x (1 - s) paying the sell charges (reason "window",
    held through that close) and the last equity point is the cash after the sale."""
    model = cost_model(execution.get("costs", "bps:10"))
    slip = float(execution.get("slippage_bps", 0)) / 10000.0
    size = execution.get("size", "all")
    whole = execution.get("whole_shares", model["whole_shares"])
    stop = execution.get("stop")
    target = execution.get("target")
    trail = execution.get("trail")

    cash = initial_capital
    shares = 0.0
    equity = []
    held = []
    trades = []
    pos = None
    waiting = False   # after a stop/target/trail exit or a skipped entry: wait for a flat signal
    skipped = 0
    fees = 0.0
    traded = 0.0

    def close_position(t, price, reason):
        nonlocal cash, shares, pos, fees, traded
        value = shares * price
        sell = charges(model, value, "sell")
        cash = cash + value - sell
        traded += value
        fees += pos["buy_fee"] + sell
        trades.append({
            "entry_date": pos["entry_date"], "entry_price": pos["entry_price"],
            "exit_date": bars[t]["date"], "exit_price": price,
            "return": (value - sell) / pos["cost"] - 1.0,
            "pnl": value - sell - pos["cost"],
            "fees": pos["buy_fee"] + sell, "shares": shares, "reason": reason,
        })
        shares = 0.0
        pos = None

    for t in range(first, last + 1):
        bar = bars[t]
        if t > first:
            want = states[t - 1]
            if want and pos is None and not waiting:
                price = bar["open"] * (1.0 + slip)
                if size == "all":
                    budget = cash
                elif size.startswith("pct:"):
                    budget = cash * float(size[4:]) / 100.0
                else:
                    budget = min(float(size[7:]), cash)
                if whole:
                    n = whole_shares_within(model, budget, price)
                else:
                    n = largest_value(model, budget) / price
                if n > 0:
                    value = n * price
                    buy = charges(model, value, "buy")
                    cash = cash - value - buy
                    shares = n
                    traded += value
                    pos = {"entry_date": bar["date"], "entry_price": price, "entry_index": t,
                           "cost": value + buy, "buy_fee": buy, "highest": None}
                else:
                    skipped += 1
                    waiting = True
            elif not want and pos is not None:
                close_position(t, bar["open"] * (1.0 - slip), "signal")

        if pos is not None:
            stops = []
            if stop is not None:
                stops.append((pos["entry_price"] * (1.0 - stop), "stop"))
            if trail is not None and pos["highest"] is not None:
                stops.append((pos["highest"] * (1.0 - trail), "trail"))
            stop_level, stop_reason = None, None
            for level, reason in stops:
                if stop_level is None or level > stop_level:
                    stop_level, stop_reason = level, reason
            target_level = pos["entry_price"] * (1.0 + target) if target is not None else None

            exit_at, why = None, None
            if stop_level is not None and bar["open"] <= stop_level:
                exit_at, why = bar["open"], stop_reason
            elif target_level is not None and bar["open"] >= target_level:
                exit_at, why = bar["open"], "target"
            elif stop_level is not None and bar["low"] <= stop_level:
                exit_at, why = stop_level, stop_reason
            elif target_level is not None and bar["high"] >= target_level:
                exit_at, why = target_level, "target"
            if exit_at is not None:
                close_position(t, exit_at * (1.0 - slip), why)
                waiting = True
            elif pos["highest"] is None or bar["close"] > pos["highest"]:
                pos["highest"] = bar["close"]

        equity.append(cash + shares * bar["close"])
        held.append(pos is not None)
        if not states[t]:
            waiting = False

    if pos is not None and liquidate:
        close_position(last, bars[last]["close"] * (1.0 - slip), "window")
        equity[-1] = cash
    if pos is not None:
        last_bar = bars[last]
        value = shares * last_bar["close"]
        fees += pos["buy_fee"]
        trades.append({
            "entry_date": pos["entry_date"], "entry_price": pos["entry_price"],
            "exit_date": last_bar["date"], "exit_price": last_bar["close"],
            "return": value / pos["cost"] - 1.0, "pnl": value - pos["cost"],
            "fees": pos["buy_fee"], "shares": shares, "reason": "open",
        })

    extra = {"fees": fees, "turnover": traded / initial_capital, "skipped_entries": skipped}
    return equity, held, trades, extra


def selftest():
    """Hand-worked charges and fills (called by backtest_reference.py selftest)."""
    intraday = NAMED_COSTS["zerodha-intraday"]
    delivery = NAMED_COSTS["zerodha-delivery"]
    close = lambda a, b: abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    # Rs 50,000 pays 0.03% = Rs 15 brokerage; Rs 1,00,000 pays the Rs 20 cap, not Rs 30.
    assert close(charges(intraday, 50000.0, "buy"), 15 + 1.485 + 0.05 + 1.5 + 0.18 * (15 + 1.485 + 0.05))
    assert close(charges(intraday, 100000.0, "buy"), 20 + 2.97 + 0.1 + 3 + 0.18 * (20 + 2.97 + 0.1))
    assert close(charges(delivery, 100000.0, "sell"), 100 + 2.97 + 0.1 + 0.18 * 3.07 + 15.93)
    # All in, fractional: the whole budget is spent, either side of the kink.
    for budget in (10000.0, 66000.0, 1000000.0):
        v = largest_value(intraday, budget)
        assert close(v + charges(intraday, v, "buy"), budget), budget
    # Whole shares: 9,988 at 100 fit Rs 10 lakh with delivery charges; 9,989 do not.
    assert whole_shares_within(delivery, 1000000.0, 100.0) == 9988

    def bars_of(rows):
        return [{"date": "2024-01-%02d" % (i + 1), "open": o, "high": h, "low": lo, "close": c}
                for i, (o, h, lo, c) in enumerate(rows)]
    hold = {t: True for t in range(6)}
    # A gap through a 5% stop fills at the open (90); stop and target in one bar: the stop (95).
    gap = bars_of([(100, 100, 100, 100), (100, 101, 99, 100), (90, 92, 88, 91), (91, 92, 90, 91)])
    _, _, trades, _ = simulate_exec(gap, hold, 0, 3, {"costs": "bps:0", "stop": 0.05}, 1e6)
    assert [(t["exit_price"], t["reason"]) for t in trades] == [(90, "stop")], trades
    both = bars_of([(100, 100, 100, 100), (100, 101, 99, 100), (100, 112, 94, 100), (100, 100, 100, 100)])
    _, _, trades, _ = simulate_exec(both, hold, 0, 3, {"costs": "bps:0", "stop": 0.05, "target": 0.10}, 1e6)
    assert [(t["exit_price"], t["reason"]) for t in trades] == [(95, "stop")], trades
    # A 10% trail ratchets 90 -> 108 -> 117 and fills at 117 on bar 4.
    trail = bars_of([(100, 100, 100, 100), (100, 101, 80, 100), (100, 120, 100, 120), (118, 131, 110, 130),
                     (125, 126, 116, 118), (120, 121, 119, 120)])
    _, _, trades, _ = simulate_exec(trail, hold, 0, 5, {"costs": "bps:0", "trail": 0.10}, 1e6)
    assert [(t["exit_date"], t["exit_price"], t["reason"]) for t in trades] == [("2024-01-05", 117.0, "trail")], trades
    # Rs 1,000 buys no whole share at 2,000: skipped, counted, no trade.
    dear = bars_of([(2000, 2000, 2000, 2000), (2000, 2050, 2000, 2050), (2100, 2100, 2100, 2100)])
    _, _, trades, extra = simulate_exec(dear, hold, 0, 2, {"costs": "zerodha-delivery"}, 1000.0)
    assert trades == [] and extra["skipped_entries"] == 1, (trades, extra)
