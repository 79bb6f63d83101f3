#!/usr/bin/env python3
"""Portfolio backtests (issue #18) for the independent reference, from docs/portfolio.md.

Plain Python 3.11, standard library only. Signals, indicators and metrics come from backtest_reference.py,
written rules from rule_reference.py, charges and share solving from execution_reference.py; this file adds
only what a shared account adds: the calendar, the day's order of events, slots, ranking, sizing, the
equal-weight benchmark and the report.

    python3 portfolio_reference.py run CASE_JSON DATA_DIR    # CASE_JSON: a file or inline JSON, one case or a list
    python3 portfolio_reference.py fixture CASES_FILE DATA_DIR   # the selftest's hand cases, then the file's
    python3 portfolio_reference.py selftest

A case holds: name, symbols, from, to, strategy (a strategy JSON as backtest_reference.py takes it: {"name":
..., params} or {"rule": TEXT}), optional per_symbol {SYMBOL: strategy JSON}, max_positions, rank ("strength",
the default, or "momentum(N)"), execution (costs, slippage_bps, whole_shares, size "slots" | "pct:P" |
"amount:A", stop, target, trail), initial_capital, and optionally bars {SYMBOL: [bar, ...]} (hand-made
series; otherwise DATA_DIR/SYMBOL.csv). The result is the case with "report" added.
"""

import json
import math
import os
import sys

import backtest_reference as ref
import execution_reference as exe

MIN_FRACTIONAL_BUDGET = 1.0   # rupees: below this a fractional entry "buys nothing" (rounding dust, not money)
TRADE_KEYS = ("symbol", "entry_date", "entry_price", "exit_date", "exit_price", "shares", "fees", "return",
              "pnl", "reason")


# ---------------------------------------------------------------------------
# Per-symbol signals, strength and ranking values (all over the symbol's whole history)
# ---------------------------------------------------------------------------

def resolve_strategy(spec):
    """A strategy JSON (dict) -> the resolved dict: a built-in with every parameter, or a rule as given."""
    if "rule" in spec:
        return {"rule": spec["rule"]}
    name = spec["name"]
    if name not in ref.DEFAULTS:
        raise ValueError("unknown strategy " + repr(name))
    params = dict(ref.DEFAULTS[name])
    params.update({k: v for k, v in spec.items() if k != "name"})
    return dict(params, name=name)


def states_of(strategy, bars, first, last):
    if "rule" in strategy:
        import rule_reference
        tree = rule_reference.parse(strategy["rule"])
        return rule_reference.desired_states(tree, bars, first, last, rule_reference.Evaluator(bars))
    return ref.desired_states(strategy["name"], strategy, bars, first, last)


def strength_series(strategy, bars):
    """Bar index -> strength (larger = stronger), None where the strategy's indicators are undefined."""
    closes = [b["close"] for b in bars]
    n = len(bars)
    name = strategy.get("name")
    if "rule" in strategy or name == "buy_hold":
        return [0.0] * n   # no indicator to rank by: every candidate ties and the symbol decides
    if name == "rsi":
        values = ref.rsi(closes, int(strategy["period"]))
        lower = float(strategy["lower"])
        return [None if v is None else lower - v for v in values]
    if name == "macd":
        line, sig = ref.macd(closes, int(strategy["fast"]), int(strategy["slow"]), int(strategy["signal"]))
        return [None if line[t] is None or sig[t] is None else (line[t] - sig[t]) / closes[t] for t in range(n)]
    if name == "sma_cross":
        fast = ref.sma(closes, int(strategy["fast"]))
        slow = ref.sma(closes, int(strategy["slow"]))
        return [None if fast[t] is None or slow[t] is None else fast[t] / slow[t] - 1.0 for t in range(n)]
    if name == "bollinger":
        _, _, lower = ref.bollinger(closes, int(strategy["period"]), float(strategy["k"]))
        return [None if lower[t] is None else (lower[t] - closes[t]) / closes[t] for t in range(n)]
    if name == "momentum":
        return lookback_return(closes, int(strategy["lookback"]))
    raise ValueError("no strength for " + repr(name))


def lookback_return(closes, n):
    return [None if t - n < 0 else closes[t] / closes[t - n] - 1.0 for t in range(len(closes))]


def parse_rank(rank):
    """'strength' -> None; 'momentum(N)' -> N."""
    if rank in (None, "strength"):
        return None
    text = rank.replace(" ", "")
    if text.startswith("momentum(") and text.endswith(")") and text[9:-1].isdigit() and int(text[9:-1]) >= 1:
        return int(text[9:-1])
    raise ValueError("unknown ranking " + repr(rank))


def rank_candidates(candidates):
    """candidates: [(symbol, value or None)] -> ranked: larger value first, undefined last, ties by symbol."""
    return sorted(candidates, key=lambda c: (c[1] is None, 0.0 if c[1] is None else -c[1], c[0]))


# ---------------------------------------------------------------------------
# Sizing
# ---------------------------------------------------------------------------

def entry_budget(size, max_positions, equity_before, cash):
    """Rupees (charges included) one entry may spend; never more than the cash."""
    if size == "slots":
        budget = equity_before / max_positions
    elif size.startswith("pct:"):
        budget = equity_before * float(size[4:]) / 100.0
    elif size.startswith("amount:"):
        budget = float(size[7:])
    else:   # "all" has no meaning with several slots
        raise ValueError("portfolio size must be slots, pct:P or amount:A, not " + repr(size))
    return min(budget, cash)


def shares_for(model, budget, price, whole):
    if whole:
        return exe.whole_shares_within(model, budget, price) if budget > 0 else 0
    if budget < MIN_FRACTIONAL_BUDGET:
        return 0.0
    return exe.largest_value(model, budget) / price


# ---------------------------------------------------------------------------
# The simulation
# ---------------------------------------------------------------------------

class Book:
    """Cash, open positions and the closed trades of the shared account."""

    def __init__(self, capital, model, slip):
        self.cash = capital
        self.model = model
        self.slip = slip
        self.positions = {}   # symbol -> position dict
        self.trades = []
        self.fees = 0.0
        self.traded = 0.0

    def buy(self, symbol, date, index, price, n):
        value = n * price
        fee = exe.charges(self.model, value, "buy")
        self.cash -= value + fee
        self.traded += value
        self.positions[symbol] = {"entry_date": date, "entry_index": index, "entry_price": price, "shares": n,
                                  "cost": value + fee, "buy_fee": fee, "highest": None}

    def sell(self, symbol, date, price, reason):
        pos = self.positions.pop(symbol)
        value = pos["shares"] * price
        fee = exe.charges(self.model, value, "sell")
        self.cash += value - fee
        self.traded += value
        self.fees += pos["buy_fee"] + fee
        self.trades.append({"symbol": symbol, "entry_date": pos["entry_date"], "entry_price": pos["entry_price"],
                            "exit_date": date, "exit_price": price, "shares": pos["shares"],
                            "fees": pos["buy_fee"] + fee, "return": (value - fee) / pos["cost"] - 1.0,
                            "pnl": value - fee - pos["cost"], "reason": reason})


def intrabar_exit(pos, bar, stop, target, trail):
    """(price before slippage, reason) of a stop/target/trail exit on this bar, or None: the single-symbol rules."""
    levels = []
    if stop is not None:
        levels.append((pos["entry_price"] * (1.0 - stop), "stop"))
    if trail is not None and pos["highest"] is not None:
        levels.append((pos["highest"] * (1.0 - trail), "trail"))
    stop_level, stop_reason = None, None
    for level, reason in levels:
        if stop_level is None or level > stop_level:
            stop_level, stop_reason = level, reason
    target_level = pos["entry_price"] * (1.0 + target) if target is not None else None
    if stop_level is not None and bar["open"] <= stop_level:
        return bar["open"], stop_reason
    if target_level is not None and bar["open"] >= target_level:
        return bar["open"], "target"
    if stop_level is not None and bar["low"] <= stop_level:
        return stop_level, stop_reason
    if target_level is not None and bar["high"] >= target_level:
        return target_level, "target"
    return None


def prepare(case, bars_by_symbol):
    """Per symbol (in ordinal order): bars, range, desired states and ranking values; and the calendar."""
    symbols = sorted(case["symbols"])
    if len(set(symbols)) != len(symbols) or not symbols:
        raise ValueError("symbols must be distinct and at least one")
    momentum_n = parse_rank(case.get("rank", "strength"))
    per_symbol = case.get("per_symbol", {})
    legs = {}
    for s in symbols:
        bars = bars_by_symbol[s]
        first, last = ref.select_range(bars, case["from"], case["to"])
        if first is None:
            raise ValueError("no bars of %s in range %s..%s" % (s, case["from"], case["to"]))
        strategy = resolve_strategy(per_symbol.get(s, case["strategy"]))
        score = strength_series(strategy, bars) if momentum_n is None else \
            lookback_return([b["close"] for b in bars], momentum_n)
        legs[s] = {"bars": bars, "first": first, "last": last, "strategy": strategy,
                   "states": states_of(strategy, bars, first, last), "score": score,
                   "index": {bars[t]["date"]: t for t in range(first, last + 1)}}
    calendar = sorted(set(d for leg in legs.values() for d in leg["index"]))
    return symbols, legs, calendar


def simulate(case, symbols, legs, calendar):
    ex = case["execution"]
    model = exe.cost_model(ex.get("costs", "bps:10"))
    slip = float(ex.get("slippage_bps", 0)) / 10000.0
    whole = ex.get("whole_shares", model["whole_shares"])
    size = ex.get("size", "slots")
    stop, target, trail = ex.get("stop"), ex.get("target"), ex.get("trail")
    max_positions = int(case["max_positions"])
    if max_positions < 1:
        raise ValueError("max_positions must be at least 1")
    capital = float(case["initial_capital"])

    book = Book(capital, model, slip)
    prev = {s: None for s in symbols}      # the symbol's previous in-range bar index (its signal bar)
    waiting = {s: False for s in symbols}  # after a stop/target/trail exit or a skipped entry: wait for flat
    last_close = {}
    days, contests = [], []
    skipped = 0
    for d in calendar:
        today = {s: legs[s]["index"][d] for s in symbols if d in legs[s]["index"]}
        equity_before = days[-1]["equity"] if days else capital
        # 1. Signal exits at the open, in symbol order.
        for s, t in today.items():
            if s in book.positions and prev[s] is not None and not legs[s]["states"][prev[s]]:
                book.sell(s, d, legs[s]["bars"][t]["open"] * (1.0 - slip), "signal")
        # 2. Entries at the open: the top free-slots candidates by rank.
        candidates = [(s, legs[s]["score"][prev[s]]) for s, t in today.items()
                      if s not in book.positions and prev[s] is not None and legs[s]["states"][prev[s]]
                      and not waiting[s]]
        ranked = rank_candidates(candidates)
        free = max_positions - len(book.positions)
        chosen = ranked[:max(free, 0)]
        entered = []
        for s, _ in chosen:
            t = today[s]
            price = legs[s]["bars"][t]["open"] * (1.0 + slip)
            n = shares_for(model, entry_budget(size, max_positions, equity_before, book.cash), price, whole)
            if n > 0:
                book.buy(s, d, t, price, n)
                entered.append(s)
            else:
                skipped += 1
                waiting[s] = True
        if free > 0 and len(ranked) > free:
            contests.append({"date": d, "free": free, "ranked": [[s, v] for s, v in ranked], "entered": entered,
                             "tie_at_cut": ranked[free - 1][1] == ranked[free][1]})
        # 3. Stops, targets and trails during the day (positions entered at today's open included).
        for s, t in today.items():
            pos = book.positions.get(s)
            if pos is None:
                continue
            bar = legs[s]["bars"][t]
            hit = intrabar_exit(pos, bar, stop, target, trail)
            if hit is not None:
                book.sell(s, d, hit[0] * (1.0 - slip), hit[1])
                waiting[s] = True
            elif pos["highest"] is None or bar["close"] > pos["highest"]:
                pos["highest"] = bar["close"]
        # 4. The close: marks, signals seen, the day's point.
        for s, t in today.items():
            last_close[s] = legs[s]["bars"][t]["close"]
            if not legs[s]["states"][t]:
                waiting[s] = False
            prev[s] = t
        invested = 0.0
        for s in symbols:
            if s in book.positions:
                invested += book.positions[s]["shares"] * last_close[s]
        equity = book.cash + invested
        days.append({"date": d, "equity": equity, "cash": book.cash, "invested": invested,
                     "exposure": invested / equity, "positions": len(book.positions)})

    closed = sorted(book.trades, key=lambda tr: (tr["exit_date"], tr["symbol"]))
    still_open = []
    for s in symbols:
        pos = book.positions.get(s)
        if pos is None:
            continue
        value = pos["shares"] * last_close[s]
        book.fees += pos["buy_fee"]
        still_open.append({"symbol": s, "entry_date": pos["entry_date"], "entry_price": pos["entry_price"],
                           "exit_date": legs[s]["bars"][legs[s]["last"]]["date"], "exit_price": last_close[s],
                           "shares": pos["shares"],
                           "fees": pos["buy_fee"], "return": value / pos["cost"] - 1.0,
                           "pnl": value - pos["cost"], "reason": "open"})
    return {"days": days, "trades": closed + still_open, "fees": book.fees, "turnover": book.traded / capital,
            "skipped": skipped, "contests": contests}


def benchmark(case, symbols, legs, calendar):
    """Equal weight buy and hold: per symbol a single-symbol buy_hold run with capital / N, summed by day."""
    capital = float(case["initial_capital"])
    share = capital / len(symbols)
    hold = {k: v for k, v in case["execution"].items() if k not in ("stop", "target", "trail", "size")}
    hold["size"] = "all"
    curves, trades, fees, traded, skipped = {}, [], 0.0, 0.0, 0
    for s in symbols:
        leg = legs[s]
        states = ref.desired_states("buy_hold", {}, leg["bars"], leg["first"], leg["last"])
        equity, _, sym_trades, extra = exe.simulate_exec(leg["bars"], states, leg["first"], leg["last"], hold, share)
        curves[s] = {leg["bars"][leg["first"] + i]["date"]: e for i, e in enumerate(equity)}
        for tr in sym_trades:
            trades.append(dict(tr, symbol=s))
            fees += tr["fees"]
            traded += tr["shares"] * tr["entry_price"]
        skipped += extra["skipped_entries"]
    trades.sort(key=lambda tr: tr["symbol"])   # buy and hold trades all end open: symbol order
    held_from = {tr["symbol"]: tr["entry_date"] for tr in trades}
    last = {s: share for s in symbols}
    equity, held = [], []
    for d in calendar:
        total = 0.0
        for s in symbols:
            last[s] = curves[s].get(d, last[s])
            total += last[s]
        equity.append(total)
        held.append(any(s in held_from and held_from[s] <= d for s in symbols))
    metrics = ref.compute_metrics([{"date": d} for d in calendar], 0, len(calendar) - 1, equity, held, trades,
                                  initial_capital=capital)
    metrics.update({"fees": fees, "turnover": traded / capital, "skipped_entries": skipped})
    return {"equity": equity, "metrics": metrics}


def run_portfolio(case, bars_by_symbol):
    symbols, legs, calendar = prepare(case, bars_by_symbol)
    sim = simulate(case, symbols, legs, calendar)
    capital = float(case["initial_capital"])
    days = sim["days"]
    equity = [p["equity"] for p in days]
    held = [p["positions"] > 0 for p in days]
    metrics = ref.compute_metrics([{"date": d} for d in calendar], 0, len(calendar) - 1, equity, held,
                                  sim["trades"], initial_capital=capital)
    metrics.update({"fees": sim["fees"], "turnover": sim["turnover"], "skipped_entries": sim["skipped"],
                    "mean_exposure": ref.plain_mean([p["exposure"] for p in days]),
                    "mean_positions": ref.plain_mean([float(p["positions"]) for p in days]),
                    "max_positions_held": max(p["positions"] for p in days)})
    contribution = {}
    for s in symbols:
        pnl, count = 0.0, 0
        for tr in sim["trades"]:
            if tr["symbol"] == s:
                pnl += tr["pnl"]
                count += 1
        contribution[s] = {"pnl": pnl, "share": pnl / capital, "trades": count}
    result = {k: v for k, v in case.items() if k != "bars"}
    result["strategies"] = {s: legs[s]["strategy"] for s in symbols}
    result["report"] = {
        "from": calendar[0], "to": calendar[-1], "days": len(calendar),
        "dates": calendar, "equity": equity, "cash": [p["cash"] for p in days],
        "exposure": [p["exposure"] for p in days], "positions": [p["positions"] for p in days],
        "metrics": metrics, "benchmark": benchmark(case, symbols, legs, calendar),
        "contribution": contribution, "contests": sim["contests"],
        "trades": [{k: tr[k] for k in TRADE_KEYS} for tr in sim["trades"]],
    }
    if "bars" in case:
        result["bars"] = case["bars"]   # hand-made series travel with the case so the engine can load them
    return result


def run_case(case, data_dir):
    bars = case.get("bars") or {s: ref.load_csv(os.path.join(data_dir, s + ".csv")) for s in case["symbols"]}
    return run_portfolio(case, bars)


def main(argv):
    if argv == ["selftest"]:
        import portfolio_selftest
        portfolio_selftest.run()
        print(json.dumps({"selftest": "ok"}))
        return 0
    if len(argv) == 3 and argv[0] in ("run", "fixture"):
        text = argv[1]
        if argv[0] == "fixture" or not text.lstrip().startswith(("{", "[")):
            with open(text, "r", encoding="utf-8") as f:
                text = f.read()
        cases = json.loads(text)
        if argv[0] == "fixture":
            import portfolio_selftest
            cases = portfolio_selftest.hand_cases() + cases
        if isinstance(cases, list):
            print("[\n" + ",\n".join(json.dumps(run_case(c, argv[2])) for c in cases) + "\n]")
        else:
            print(json.dumps(run_case(cases, argv[2])))
        return 0
    print(__doc__.split("\n\n")[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
