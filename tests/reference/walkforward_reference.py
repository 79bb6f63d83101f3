#!/usr/bin/env python3
"""Walk-forward analysis for the independent reference, from docs/walk-forward.md.

Plain Python 3.11, standard library only, built on backtest_reference.py (indicators, signals, metrics) and
execution_reference.py (simulate_exec: charges, slippage, sizing, whole shares, exits). Every run here is an
execution run; the legacy five-argument simulation is never used.

    python3 walkforward_reference.py run CASE_JSON DATA_DIR    # CASE_JSON: a file or inline JSON, one case or a list
    python3 walkforward_reference.py selftest

A case holds: name, symbols, from, to, in / out / step ({"months": M, "days": D}), anchored, objective,
min_trades, execution, initial_capital, grid_text and grid (the grid's points in order, as parameter dicts; the
C# side expands grid_text with the last parameter varying fastest). The strategy is the name before the "(" of
grid_text. The result is the case with "defaults" (the strategy's default parameters) and "results" added.

Decisions where the doc is silent (the simplest reading):
- Lengths: components must be >= 0 and no length may be (0, 0). "Step never shorter than out" is checked on the
  windows made: an out-of-sample part starting on or before the previous one's last date is an error (with mixed
  months and days that is the only comparison that means something). Fewer than 1 or more than 200 windows is
  an error.
- A part with no bars: an in-sample part without bars runs no grid point (no pick; in_first/in_last null); an
  out-of-sample part without bars adds no point to the curve (out_first/out_last, out_metrics and efficiency
  null) and carries the capital unchanged. "The last segment" is always the last window's, so a segment before
  an empty or pick-less last window is still liquidated at its end.
- The objective is any key of the metrics (including fees, turnover, skipped_entries); lower is better for fees
  and turnover only, as written (so higher volatility ranks better). Ties compare with ==.
- The in-sample runs and the defaults use the job's initial capital; out_metrics is the segment's own plain run
  (its carried capital, an open position marked at its close, turnover over the carried capital).
- Per-window efficiency is None when there is no pick, the pick's in-sample CAGR is <= 0, or the segment has
  no bars. Overall efficiency: None when no window has a pick or the mean of the picks' in-sample CAGR is <= 0.
- The defaults "pick" their parameters in every window whatever their trades; their windows are not reported.
- Stitched skipped_entries is the sum of the segments'. Stitched fees add the trades' fees in order; turnover
  adds each trade's bought value (shares x entry price) then, if it closed, its sold value (shares x exit
  price), in trade order, which is the order a single run accumulates them.
"""

import calendar
import json
import math
import os
import sys
from datetime import date, timedelta

import backtest_reference as ref
import execution_reference as exe

MAX_WINDOWS = 200
LOWER_IS_BETTER = ("fees", "turnover")
TRADE_KEYS = ("entry_date", "exit_date", "entry_price", "exit_price", "return", "fees", "shares", "reason")


# ---------------------------------------------------------------------------
# Windows
# ---------------------------------------------------------------------------

def add_length(d, months, days):
    """d.AddMonths(months).AddDays(days): a day past the month's end clamps to its last day."""
    m0 = d.month - 1 + months
    y = d.year + m0 // 12
    m = m0 % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1])) + timedelta(days=days)


def check_length(name, length):
    if length["months"] < 0 or length["days"] < 0 or (length["months"] == 0 and length["days"] == 0):
        raise ValueError("%s length must be positive: %r" % (name, length))


def make_windows(date_from, date_to, length_in, length_out, step, anchored):
    """The windows' dates (ISO strings) per the doc's formulas; lengths add component-wise."""
    for name, length in (("in", length_in), ("out", length_out), ("step", step)):
        check_length(name, length)
    start, end = date.fromisoformat(date_from), date.fromisoformat(date_to)
    one = timedelta(days=1)
    windows = []
    k = 0
    while True:
        off_m = length_in["months"] + k * step["months"]
        off_d = length_in["days"] + k * step["days"]
        out_from = add_length(start, off_m, off_d)
        if out_from > end:
            break
        if len(windows) == MAX_WINDOWS:
            raise ValueError("more than %d windows" % MAX_WINDOWS)
        out_to = min(add_length(start, off_m + length_out["months"], off_d + length_out["days"]) - one, end)
        in_from = start if anchored else add_length(start, k * step["months"], k * step["days"])
        if windows and out_from <= date.fromisoformat(windows[-1]["out_to"]):
            raise ValueError("step shorter than the out-of-sample length: window %d overlaps the previous" % k)
        windows.append({"index": k, "in_from": in_from.isoformat(), "in_to": (out_from - one).isoformat(),
                        "out_from": out_from.isoformat(), "out_to": out_to.isoformat()})
        k += 1
    if not windows:
        raise ValueError("no window: from + in is after to")
    return windows


# ---------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------

def run_part(bars, name, params, first, last, execution, capital, liquidate=False):
    """One execution backtest of [first, last] (bar indexes): (metrics, equity, held, trades)."""
    states = ref.desired_states(name, params, bars, first, last)
    equity, held, trades, extra = exe.simulate_exec(bars, states, first, last, execution, capital, liquidate)
    metrics = ref.compute_metrics(bars, first, last, equity, held, trades, initial_capital=capital)
    metrics.update(extra)
    return metrics, equity, held, trades


def is_candidate(metrics, objective, min_trades):
    value = metrics[objective]
    return metrics["trades"] >= min_trades and value is not None and math.isfinite(value)


def better(a, b, objective):
    """True when in-sample metrics a rank strictly before b (grid order settles what is left)."""
    sign = -1.0 if objective in LOWER_IS_BETTER else 1.0
    for ka, kb in ((sign * a[objective], sign * b[objective]), (a["sharpe"], b["sharpe"]),
                   (a["total_return"], b["total_return"])):
        if ka != kb:
            return ka > kb
    return False


def pick(in_results, objective, min_trades):
    """in_results: metrics per grid point, in grid order. The pick's grid index, or None."""
    best = None
    for i, metrics in enumerate(in_results):
        if is_candidate(metrics, objective, min_trades) and (best is None or better(metrics, in_results[best], objective)):
            best = i
    return best


def stitch(bars, name, chosen, spans, execution, capital):
    """The out-of-sample curve. chosen[k]: params or None; spans[k]: (out_first, out_last) bar indexes or Nones.

    Returns (segments, curve): segments[k] = the segment's own plain-run metrics or None; curve = dict with
    first, last (bar indexes), equity, held, trades, skipped."""
    present = [s for s in spans if s[0] is not None]
    if not present:
        raise ValueError("no out-of-sample bar")
    curve_first, curve_last = present[0][0], present[-1][1]
    points = {}
    trades = []
    skipped = 0
    segments = []
    carried = capital
    for k, (params, (first, last)) in enumerate(zip(chosen, spans)):
        if params is None or first is None:
            segments.append(None)
            continue
        own = run_part(bars, name, params, first, last, execution, carried)[0]
        segments.append(own)
        liquidate = k < len(chosen) - 1
        metrics, equity, held, seg_trades = run_part(bars, name, params, first, last, execution, carried, liquidate)
        for i, t in enumerate(range(first, last + 1)):
            points[t] = (equity[i], held[i])
        trades.extend(seg_trades)
        skipped += metrics["skipped_entries"]
        carried = equity[-1]
    equity, held = [], []
    cash = capital
    for t in range(curve_first, curve_last + 1):
        if t in points:
            e, h = points[t]
            cash = e  # after a segment's last bar: its (liquidated) equity, held as cash until the next one
        else:
            e, h = cash, False
        equity.append(e)
        held.append(h)
    return segments, {"first": curve_first, "last": curve_last, "equity": equity, "held": held,
                      "trades": trades, "skipped": skipped}


def curve_metrics(bars, curve, capital):
    metrics = ref.compute_metrics(bars, curve["first"], curve["last"], curve["equity"], curve["held"],
                                  curve["trades"], initial_capital=capital)
    fees = 0.0
    traded = 0.0
    for tr in curve["trades"]:
        fees += tr["fees"]
        traded += tr["shares"] * tr["entry_price"]
        if tr["reason"] != "open":
            traded += tr["shares"] * tr["exit_price"]
    metrics.update({"fees": fees, "turnover": traded / capital, "skipped_entries": curve["skipped"]})
    return metrics


def date_or_none(bars, i):
    return None if i is None else bars[i]["date"]


def walk_forward_symbol(case, bars):
    name = case["grid_text"].split("(")[0].strip()
    execution, capital = case["execution"], float(case["initial_capital"])
    objective, min_trades = case["objective"], case["min_trades"]
    windows = make_windows(case["from"], case["to"], case["in"], case["out"], case["step"], case["anchored"])
    out_windows, chosen, spans, in_metrics_of_picks = [], [], [], []
    for w in windows:
        in_first, in_last = ref.select_range(bars, w["in_from"], w["in_to"])
        out_first, out_last = ref.select_range(bars, w["out_from"], w["out_to"])
        in_results = []
        if in_first is not None:
            in_results = [run_part(bars, name, p, in_first, in_last, execution, capital)[0] for p in case["grid"]]
        choice = pick(in_results, objective, min_trades)
        chosen.append(None if choice is None else case["grid"][choice])
        spans.append((out_first, out_last))
        in_metrics_of_picks.append(None if choice is None else in_results[choice])
        row = dict(w)
        row.update({"in_first": date_or_none(bars, in_first), "in_last": date_or_none(bars, in_last),
                    "out_first": date_or_none(bars, out_first), "out_last": date_or_none(bars, out_last),
                    "pick": choice, "in_metrics": in_metrics_of_picks[-1]})
        out_windows.append(row)

    segments, curve = stitch(bars, name, chosen, spans, execution, capital)
    picked_cagrs = []
    for row, own, in_m in zip(out_windows, segments, in_metrics_of_picks):
        row["out_metrics"] = own
        row["efficiency"] = None
        if in_m is not None:
            picked_cagrs.append(in_m["cagr"])
            if own is not None and in_m["cagr"] > 0:
                row["efficiency"] = own["cagr"] / in_m["cagr"]
    stitched = curve_metrics(bars, curve, capital)
    efficiency = None
    if picked_cagrs and ref.plain_mean(picked_cagrs) > 0:
        efficiency = stitched["cagr"] / ref.plain_mean(picked_cagrs)

    defaults = ref.DEFAULTS[name]
    _, default_curve = stitch(bars, name, [defaults] * len(windows), spans, execution, capital)
    # Buy and hold is held: the job's stops, targets and trails belong to its strategy, not to the comparison.
    hold_execution = {k: v for k, v in execution.items() if k not in ("stop", "target", "trail")}
    buy_hold = run_part(bars, "buy_hold", {}, curve["first"], curve["last"], hold_execution, capital)[0]
    return {
        "windows": out_windows,
        "stitched": {"metrics": stitched, "first": bars[curve["first"]]["date"], "last": bars[curve["last"]]["date"],
                     "equity": curve["equity"], "trades": [{k: tr[k] for k in TRADE_KEYS} for tr in curve["trades"]]},
        "defaults": {"metrics": curve_metrics(bars, default_curve, capital)},
        "buy_hold": {"metrics": buy_hold},
        "efficiency": efficiency,
        "distinct_picks": len(set(row["pick"] for row in out_windows if row["pick"] is not None)),
    }


def walk_forward(case, bars_by_symbol):
    """The case's result: the case itself with defaults and results per symbol."""
    name = case["grid_text"].split("(")[0].strip()
    if name not in ref.DEFAULTS:
        raise ValueError("unknown strategy " + repr(name))
    result = dict(case)
    result["defaults"] = dict(ref.DEFAULTS[name])
    result["results"] = {s: walk_forward_symbol(case, bars_by_symbol[s]) for s in case["symbols"]}
    return result


def run_case(case, data_dir):
    bars = {s: ref.load_csv(os.path.join(data_dir, s + ".csv")) for s in case["symbols"]}
    return walk_forward(case, bars)


def main(argv):
    if argv == ["selftest"]:
        import walkforward_selftest
        walkforward_selftest.run()
        print(json.dumps({"selftest": "ok"}))
        return 0
    if len(argv) == 3 and argv[0] == "run":
        text = argv[1]
        if not text.lstrip().startswith(("{", "[")):
            with open(text, "r", encoding="utf-8") as f:
                text = f.read()
        cases = json.loads(text)
        if isinstance(cases, list):
            print("[\n" + ",\n".join(json.dumps(run_case(c, argv[2])) for c in cases) + "\n]")
        else:
            print(json.dumps(run_case(cases, argv[2])))
        return 0
    print("usage:\n  walkforward_reference.py run CASE_JSON DATA_DIR\n  walkforward_reference.py selftest",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
