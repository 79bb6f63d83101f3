#!/usr/bin/env python3
"""Independent reference implementation of the backtesting spec.

Plain Python 3.11, standard library only. Written to be obviously correct
rather than fast: every indicator and metric is a simple loop.

Usage
-----
Backtest:
    python3 backtest_reference.py CSV_PATH STRATEGY_JSON FROM TO COST_BPS
    e.g. python3 backtest_reference.py data/RELIANCE.csv \
            '{"name":"rsi","period":14,"lower":30,"upper":70}' 2021-01-01 2026-12-31 10

One indicator (full series, null where undefined):
    python3 backtest_reference.py indicators CSV_PATH NAME PARAMS_JSON
    NAME / PARAMS_JSON:
        sma        {"period":n}
        ema        {"period":n}
        rsi        {"period":n}
        macd       {"fast":12,"slow":26,"signal":9}   -> macd, signal
        bollinger  {"period":20,"k":2}                -> upper, middle, lower
        atr        {"period":14}
        roc        {"period":n}
        highest    {"period":n}                       -> max of the last n closes
        lowest     {"period":n}                       -> min of the last n closes
        macd_hist  {"fast":12,"slow":26,"signal":9}   -> macd - signal

A written rule (the rule language of issue #12; see rule_reference.py for the
decisions taken where the spec leaves room):
    python3 backtest_reference.py CSV_PATH '{"rule":"RULE TEXT"}' FROM TO COST_BPS
    e.g. python3 backtest_reference.py data/RELIANCE.csv \
            '{"rule":"buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70"}' \
            2021-01-01 2026-12-31 10
    The output is as for a built-in, with "strategy":"rule", "rule": the text as given, "params":{}.

Execution rules of issue #13 (charges, slippage, sizing, whole shares, stops; see
execution_reference.py), as a sixth argument; COST_BPS is then ignored:
    python3 backtest_reference.py data/TCS.csv '{"name":"rsi"}' 2022-01-01 2024-12-31 0 \
            '{"costs":"zerodha-delivery","stop":0.05}'

All indicators with default parameters:
    python3 backtest_reference.py --indicators CSV_PATH

Self-test of the indicators on small hand-checkable series:
    python3 backtest_reference.py selftest

Notes on floating point: sums are done left to right with plain "+="
(no compensated summation), means are sum/n, and std is a two-pass
sqrt(sum((x-mean)^2)/n). An engine computing the same formulas in the
same order should agree to the last digit or within a few ulps.
"""

import json
import math
import sys
from datetime import date

INITIAL_CAPITAL = 1000000.0
TRADING_DAYS = 252.0


# ---------------------------------------------------------------------------
# Data loading
# ---------------------------------------------------------------------------

def load_csv(path):
    """Return a list of dicts with keys date (YYYY-MM-DD str), open, high, low, close, volume (0 if absent)."""
    bars = []
    with open(path, "r", encoding="utf-8") as f:
        header = f.readline().strip().lstrip("\ufeff").split(",")
        col = {}
        for i, name in enumerate(header):
            col[name.strip()] = i
        for needed in ("Date", "Open", "High", "Low", "Close"):
            if needed not in col:
                raise ValueError("CSV header missing column " + needed)
        for line in f:
            line = line.strip()
            if line == "":
                continue
            parts = line.split(",")
            bars.append({
                "date": parts[col["Date"]].strip()[:10],
                "open": float(parts[col["Open"]]),
                "high": float(parts[col["High"]]),
                "low": float(parts[col["Low"]]),
                "close": float(parts[col["Close"]]),
                "volume": float(parts[col["Volume"]]) if "Volume" in col else 0.0,
            })
    # The files are expected to be in ascending date order; verify instead of sorting.
    for i in range(1, len(bars)):
        if bars[i]["date"] <= bars[i - 1]["date"]:
            raise ValueError("CSV dates not strictly ascending at row %d (%s)" % (i + 1, bars[i]["date"]))
    return bars


# ---------------------------------------------------------------------------
# Small numeric helpers (explicit loops, left-to-right summation)
# ---------------------------------------------------------------------------

def plain_sum(values):
    s = 0.0
    for v in values:
        s += v
    return s


def plain_mean(values):
    return plain_sum(values) / len(values)


def std_sample(values):
    """Standard deviation with ddof=1 (two-pass)."""
    n = len(values)
    m = plain_mean(values)
    ss = 0.0
    for v in values:
        ss += (v - m) * (v - m)
    return math.sqrt(ss / (n - 1))


def std_population(values):
    """Standard deviation with ddof=0 (two-pass)."""
    n = len(values)
    m = plain_mean(values)
    ss = 0.0
    for v in values:
        ss += (v - m) * (v - m)
    return math.sqrt(ss / n)


# ---------------------------------------------------------------------------
# Indicators. Each returns a list the same length as the input, None where
# undefined.
# ---------------------------------------------------------------------------

def sma(values, n):
    out = [None] * len(values)
    for i in range(n - 1, len(values)):
        window = values[i - n + 1: i + 1]
        if any(v is None for v in window):
            continue
        out[i] = plain_sum(window) / n
    return out


def ema(values, n):
    """EMA with alpha = 2/(n+1), seeded with the SMA of the first n defined values.

    Leading None values are skipped (used for the MACD signal line): the seed
    is the mean of the first n defined values and lands on the n-th of them.
    """
    out = [None] * len(values)
    start = None
    for i, v in enumerate(values):
        if v is not None:
            start = i
            break
    if start is None:
        return out
    seed_index = start + n - 1
    if seed_index >= len(values):
        return out
    alpha = 2.0 / (n + 1)
    out[seed_index] = plain_sum(values[start: seed_index + 1]) / n
    for i in range(seed_index + 1, len(values)):
        out[i] = alpha * values[i] + (1.0 - alpha) * out[i - 1]
    return out


def rsi(closes, n):
    """Wilder RSI. First value at index n."""
    out = [None] * len(closes)
    if len(closes) <= n:
        return out
    gains = [0.0] * len(closes)
    losses = [0.0] * len(closes)
    for i in range(1, len(closes)):
        change = closes[i] - closes[i - 1]
        if change > 0:
            gains[i] = change
        elif change < 0:
            losses[i] = -change
    avg_gain = plain_sum(gains[1: n + 1]) / n
    avg_loss = plain_sum(losses[1: n + 1]) / n
    out[n] = rsi_from_averages(avg_gain, avg_loss)
    for i in range(n + 1, len(closes)):
        avg_gain = (avg_gain * (n - 1) + gains[i]) / n
        avg_loss = (avg_loss * (n - 1) + losses[i]) / n
        out[i] = rsi_from_averages(avg_gain, avg_loss)
    return out


def rsi_from_averages(avg_gain, avg_loss):
    if avg_loss == 0:
        return 100.0
    return 100.0 - 100.0 / (1.0 + avg_gain / avg_loss)


def macd(closes, fast, slow, signal):
    """Return (macd_line, signal_line)."""
    ema_fast = ema(closes, fast)
    ema_slow = ema(closes, slow)
    line = [None] * len(closes)
    for i in range(len(closes)):
        if ema_fast[i] is not None and ema_slow[i] is not None:
            line[i] = ema_fast[i] - ema_slow[i]
    sig = ema(line, signal)
    return line, sig


def bollinger(closes, n, k):
    """Return (upper, middle, lower) with population std."""
    upper = [None] * len(closes)
    middle = [None] * len(closes)
    lower = [None] * len(closes)
    for i in range(n - 1, len(closes)):
        window = closes[i - n + 1: i + 1]
        m = plain_sum(window) / n
        sd = std_population(window)
        middle[i] = m
        upper[i] = m + k * sd
        lower[i] = m - k * sd
    return upper, middle, lower


def true_range(highs, lows, closes):
    tr = [None] * len(closes)
    for i in range(1, len(closes)):
        prev_close = closes[i - 1]
        tr[i] = max(highs[i] - lows[i], abs(highs[i] - prev_close), abs(lows[i] - prev_close))
    return tr


def atr(highs, lows, closes, n):
    """Wilder ATR. First value at index n = mean(TR[1..n])."""
    out = [None] * len(closes)
    if len(closes) <= n:
        return out
    tr = true_range(highs, lows, closes)
    out[n] = plain_sum(tr[1: n + 1]) / n
    for i in range(n + 1, len(closes)):
        out[i] = (out[i - 1] * (n - 1) + tr[i]) / n
    return out


def roc(closes, n):
    out = [None] * len(closes)
    for i in range(n, len(closes)):
        out[i] = (closes[i] / closes[i - n] - 1.0) * 100.0
    return out


# ---------------------------------------------------------------------------
# Strategies. Each returns a list "desired" of the same length as the bars,
# for bars in the range only, with values True (long) / False (flat): the
# state desired after seeing bar t's close. State starts flat at the first
# bar of the range; undefined indicator values leave the state unchanged.
# ---------------------------------------------------------------------------

DEFAULTS = {
    "rsi": {"period": 14, "lower": 30, "upper": 70},
    "macd": {"fast": 12, "slow": 26, "signal": 9},
    "momentum": {"lookback": 20, "threshold": 0},
    "sma_cross": {"fast": 50, "slow": 200},
    "bollinger": {"period": 20, "k": 2},
    "buy_hold": {},
}


def desired_states(name, params, bars, first, last):
    closes = [b["close"] for b in bars]
    states = {}  # bar index -> bool
    state = False

    if name == "rsi":
        values = rsi(closes, int(params["period"]))
        lower = float(params["lower"])
        upper = float(params["upper"])
        for t in range(first, last + 1):
            v = values[t]
            if v is not None:
                if v < lower:
                    state = True
                elif v > upper:
                    state = False
            states[t] = state

    elif name == "macd":
        line, sig = macd(closes, int(params["fast"]), int(params["slow"]), int(params["signal"]))
        for t in range(first, last + 1):
            if line[t] is not None and sig[t] is not None:
                state = line[t] > sig[t]
            states[t] = state

    elif name == "momentum":
        lookback = int(params["lookback"])
        threshold = float(params["threshold"])
        for t in range(first, last + 1):
            if t - lookback >= 0:
                state = closes[t] / closes[t - lookback] - 1.0 > threshold
            states[t] = state

    elif name == "sma_cross":
        fast = sma(closes, int(params["fast"]))
        slow = sma(closes, int(params["slow"]))
        for t in range(first, last + 1):
            if fast[t] is not None and slow[t] is not None:
                state = fast[t] > slow[t]
            states[t] = state

    elif name == "bollinger":
        upper, middle, lower = bollinger(closes, int(params["period"]), float(params["k"]))
        for t in range(first, last + 1):
            if middle[t] is not None:
                if closes[t] < lower[t]:
                    state = True
                elif closes[t] > middle[t]:
                    state = False
            states[t] = state

    elif name == "buy_hold":
        for t in range(first, last + 1):
            states[t] = True

    else:
        raise ValueError("unknown strategy " + repr(name))

    return states


# ---------------------------------------------------------------------------
# Simulation and metrics
# ---------------------------------------------------------------------------

def select_range(bars, date_from, date_to):
    first = None
    last = None
    for i, b in enumerate(bars):
        if date_from <= b["date"] <= date_to:
            if first is None:
                first = i
            last = i
    return first, last


def simulate(bars, states, first, last, cost):
    cash = INITIAL_CAPITAL
    shares = 0.0
    equity = []        # equity at each bar's close, bars first..last
    held = []          # position held at each bar's close
    trades = []
    open_trade = None  # dict with entry info while long

    for t in range(first, last + 1):
        bar = bars[t]
        # Fill at this bar's open, from the previous bar's signal (previous bar
        # must be inside the range).
        if t > first:
            want_long = states[t - 1]
            if want_long and open_trade is None:
                price = bar["open"]
                spent = cash
                shares = cash / (price * (1.0 + cost))
                cash = 0.0
                open_trade = {"entry_date": bar["date"], "entry_price": price,
                              "spent": spent, "shares": shares}
            elif (not want_long) and open_trade is not None:
                price = bar["open"]
                received = shares * price * (1.0 - cost)
                cash = received
                shares = 0.0
                trades.append({
                    "entry_date": open_trade["entry_date"],
                    "entry_price": open_trade["entry_price"],
                    "exit_date": bar["date"],
                    "exit_price": price,
                    "return": price * (1.0 - cost) / (open_trade["entry_price"] * (1.0 + cost)) - 1.0,
                    "pnl": received - open_trade["spent"],
                })
                open_trade = None
        equity.append(cash + shares * bar["close"])
        held.append(open_trade is not None)

    if open_trade is not None:
        last_bar = bars[last]
        mark_value = shares * last_bar["close"]
        trades.append({
            "entry_date": open_trade["entry_date"],
            "entry_price": open_trade["entry_price"],
            "exit_date": last_bar["date"],
            "exit_price": last_bar["close"],
            "return": last_bar["close"] / (open_trade["entry_price"] * (1.0 + cost)) - 1.0,
            "pnl": mark_value - open_trade["spent"],
        })

    return equity, held, trades


def compute_metrics(bars, first, last, equity, held, trades, initial_capital=INITIAL_CAPITAL):
    final = equity[-1]
    total_return = final / initial_capital - 1.0

    d0 = date.fromisoformat(bars[first]["date"])
    d1 = date.fromisoformat(bars[last]["date"])
    calendar_days = (d1 - d0).days
    if calendar_days == 0:
        cagr = 0.0
    else:
        cagr = (final / initial_capital) ** (365.25 / calendar_days) - 1.0

    returns = []
    for i in range(1, len(equity)):
        returns.append(equity[i] / equity[i - 1] - 1.0)

    if len(returns) < 2:
        volatility = 0.0
        sharpe = 0.0
    else:
        sd = std_sample(returns)
        volatility = sd * math.sqrt(TRADING_DAYS)
        if sd == 0:
            sharpe = 0.0
        else:
            sharpe = plain_mean(returns) / sd * math.sqrt(TRADING_DAYS)

    if len(returns) == 0:
        sortino = 0.0
    else:
        downside_sq = []
        for r in returns:
            m = min(r, 0.0)
            downside_sq.append(m * m)
        denom = math.sqrt(plain_mean(downside_sq))
        if denom == 0:
            sortino = 0.0
        else:
            sortino = plain_mean(returns) / denom * math.sqrt(TRADING_DAYS)

    max_drawdown = 0.0
    running_max = equity[0]
    for e in equity:
        if e > running_max:
            running_max = e
        dd = e / running_max - 1.0
        if dd < max_drawdown:
            max_drawdown = dd

    if max_drawdown == 0:
        calmar = 0.0
    else:
        calmar = cagr / abs(max_drawdown)

    n_trades = len(trades)
    if n_trades == 0:
        win_rate = 0.0
    else:
        wins = 0
        for tr in trades:
            if tr["return"] > 0:
                wins += 1
        win_rate = wins / n_trades

    gross_profit = 0.0
    gross_loss = 0.0
    has_loss = False
    for tr in trades:
        if tr["pnl"] > 0:
            gross_profit += tr["pnl"]
        elif tr["pnl"] < 0:
            gross_loss += tr["pnl"]
            has_loss = True
    if has_loss:
        profit_factor = gross_profit / abs(gross_loss)
    else:
        profit_factor = None

    held_count = 0
    for h in held:
        if h:
            held_count += 1
    exposure = held_count / len(held)

    return {
        "total_return": total_return,
        "cagr": cagr,
        "volatility": volatility,
        "sharpe": sharpe,
        "sortino": sortino,
        "max_drawdown": max_drawdown,
        "calmar": calmar,
        "trades": n_trades,
        "win_rate": win_rate,
        "profit_factor": profit_factor,
        "exposure": exposure,
        "final_equity": final,
    }


def run_backtest(csv_path, strategy_json, date_from, date_to, cost_bps, execution_json=None):
    spec = json.loads(strategy_json)
    if "rule" in spec:
        if execution_json is not None:
            raise ValueError("execution settings are given for built-in strategies only")
        return run_rule_backtest(csv_path, spec["rule"], date_from, date_to, cost_bps)
    name = spec["name"]
    if name not in DEFAULTS:
        raise ValueError("unknown strategy " + repr(name))
    params = dict(DEFAULTS[name])
    for key, value in spec.items():
        if key != "name":
            params[key] = value

    bars = load_csv(csv_path)
    first, last = select_range(bars, date_from, date_to)
    if first is None:
        raise ValueError("no bars in range %s..%s" % (date_from, date_to))

    states = desired_states(name, params, bars, first, last)
    if execution_json is not None:
        return run_exec_backtest(bars, first, last, states, name, params, json.loads(execution_json))
    cost = float(cost_bps) / 10000.0
    equity, held, trades = simulate(bars, states, first, last, cost)
    metrics = compute_metrics(bars, first, last, equity, held, trades)

    public_trades = []
    for tr in trades:
        public_trades.append({
            "entry_date": tr["entry_date"],
            "entry_price": tr["entry_price"],
            "exit_date": tr["exit_date"],
            "exit_price": tr["exit_price"],
            "return": tr["return"],
        })

    return {
        "strategy": name,
        "params": params,
        "from": bars[first]["date"],
        "to": bars[last]["date"],
        "bars": last - first + 1,
        "metrics": metrics,
        "trades": public_trades,
    }


def run_exec_backtest(bars, first, last, states, name, params, execution):
    """A built-in run with the execution rules of issue #13 (see execution_reference.py)."""
    import execution_reference
    equity, held, trades, extra = execution_reference.simulate_exec(bars, states, first, last, execution, INITIAL_CAPITAL)
    metrics = compute_metrics(bars, first, last, equity, held, trades)
    metrics.update(extra)
    keys = ("entry_date", "entry_price", "exit_date", "exit_price", "return", "fees", "shares", "reason")
    return {
        "strategy": name,
        "params": params,
        "execution": execution,
        "from": bars[first]["date"],
        "to": bars[last]["date"],
        "bars": last - first + 1,
        "metrics": metrics,
        "trades": [{k: tr[k] for k in keys} for tr in trades],
    }


def run_rule_backtest(csv_path, rule_text, date_from, date_to, cost_bps, evaluator_out=None):
    """A backtest of a written rule (see rule_reference.py): same range, simulation and metrics."""
    import rule_reference
    tree = rule_reference.parse(rule_text)
    bars = load_csv(csv_path)
    first, last = select_range(bars, date_from, date_to)
    if first is None:
        raise ValueError("no bars in range %s..%s" % (date_from, date_to))
    evaluator = rule_reference.Evaluator(bars)
    states = rule_reference.desired_states(tree, bars, first, last, evaluator)
    if evaluator_out is not None:
        evaluator_out.append(evaluator)
    return backtest_output(bars, first, last, float(cost_bps) / 10000.0, states,
                           {"strategy": "rule", "rule": rule_text, "params": {}})


def backtest_output(bars, first, last, cost, states, head):
    equity, held, trades = simulate(bars, states, first, last, cost)
    metrics = compute_metrics(bars, first, last, equity, held, trades)
    result = dict(head)
    result.update({
        "from": bars[first]["date"],
        "to": bars[last]["date"],
        "bars": last - first + 1,
        "metrics": metrics,
        "trades": [{k: tr[k] for k in ("entry_date", "entry_price", "exit_date", "exit_price", "return")} for tr in trades],
    })
    return result


# ---------------------------------------------------------------------------
# Indicator output mode
# ---------------------------------------------------------------------------

INDICATOR_DEFAULTS = {
    "sma": {"period": 20},
    "ema": {"period": 20},
    "rsi": {"period": 14},
    "macd": {"fast": 12, "slow": 26, "signal": 9},
    "bollinger": {"period": 20, "k": 2},
    "atr": {"period": 14},
    "roc": {"period": 10},
    "highest": {"period": 20},
    "lowest": {"period": 20},
    "macd_hist": {"fast": 12, "slow": 26, "signal": 9},
}


def indicator_series(bars, name, params):
    p = dict(INDICATOR_DEFAULTS[name])
    for key, value in params.items():
        p[key] = value
    closes = [b["close"] for b in bars]
    highs = [b["high"] for b in bars]
    lows = [b["low"] for b in bars]
    if name == "sma":
        series = {"sma": sma(closes, int(p["period"]))}
    elif name == "ema":
        series = {"ema": ema(closes, int(p["period"]))}
    elif name == "rsi":
        series = {"rsi": rsi(closes, int(p["period"]))}
    elif name == "macd":
        line, sig = macd(closes, int(p["fast"]), int(p["slow"]), int(p["signal"]))
        series = {"macd": line, "signal": sig}
    elif name == "bollinger":
        upper, middle, lower = bollinger(closes, int(p["period"]), float(p["k"]))
        series = {"upper": upper, "middle": middle, "lower": lower}
    elif name == "atr":
        series = {"atr": atr(highs, lows, closes, int(p["period"]))}
    elif name == "roc":
        series = {"roc": roc(closes, int(p["period"]))}
    elif name in ("highest", "lowest", "macd_hist"):
        import rule_reference
        numbers = (int(p["fast"]), int(p["slow"]), int(p["signal"])) if name == "macd_hist" else (int(p["period"]),)
        series = {name: rule_reference.indicator_over(name, numbers, None, bars)}
    else:
        raise ValueError("unknown indicator " + repr(name))
    return {"indicator": name, "params": p, "series": series}


# ---------------------------------------------------------------------------
# Self-test on hand-checkable series
# ---------------------------------------------------------------------------

def approx(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def selftest():
    xs = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]

    s = sma(xs, 3)
    assert s[:2] == [None, None] and s[2] == 2.0 and s[5] == 5.0, s

    # EMA(3): alpha 0.5, seed mean(1,2,3)=2 at index 2; 0.5*4+0.5*2=3; then 4; then 5.
    e = ema(xs, 3)
    assert e == [None, None, 2.0, 3.0, 4.0, 5.0], e
    # EMA(3) on 2,4,6,8: seed 4 at idx 2, then 0.5*8 + 0.5*4 = 6.
    assert ema([2.0, 4.0, 6.0, 8.0], 3) == [None, None, 4.0, 6.0]
    # EMA skipping leading Nones (signal line seeding).
    e = ema([None, None, 1.0, 3.0, 5.0], 2)
    assert e[:3] == [None, None, None] and e[3] == 2.0 and approx(e[4], (2.0 / 3) * 5.0 + (1.0 / 3) * 2.0), e

    # RSI(2) on 1,2,1,3: changes +1,-1,+2. First at idx 2: ag=0.5, al=0.5 -> 50.
    # idx3: ag=(0.5+2)/2=1.25, al=(0.5+0)/2=0.25 -> 100-100/6.
    r = rsi([1.0, 2.0, 1.0, 3.0], 2)
    assert r[0] is None and r[1] is None and approx(r[2], 50.0) and approx(r[3], 100.0 - 100.0 / 6.0), r
    # All-up series -> 100.
    assert rsi([1.0, 2.0, 3.0, 4.0], 2)[2:] == [100.0, 100.0]

    # StockCharts RSI example. Their spreadsheet uses 4-decimal closes; with
    # those the first RSI(14) is 70.53 (followed by 66.32, 66.55, ...). With
    # the same closes rounded to 2 decimals (as often quoted) the exact Wilder
    # value is 70.464..., so both are checked.
    sc4 = [44.3389, 44.0902, 44.1497, 43.6124, 44.2778, 44.8264, 45.0955, 45.4245,
           45.8433, 46.0826, 45.8931, 46.0328, 45.6140, 46.2820, 46.2820,
           46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137,
           46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205,
           42.6628, 43.1314]
    expected = [70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06,
                62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77]
    r = rsi(sc4, 14)
    assert all(v is None for v in r[:14])
    for j, want in enumerate(expected):
        assert abs(r[14 + j] - want) < 0.006, (14 + j, r[14 + j], want)
    stockcharts_first = r[14]
    sc2 = [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08,
           45.89, 46.03, 45.61, 46.28, 46.28]
    r2 = rsi(sc2, 14)
    # gains sum 3.34, losses sum 1.40 -> RS = 3.34/1.40
    assert approx(r2[14], 100.0 - 100.0 / (1.0 + 3.34 / 1.40), 1e-12), r2[14]

    # MACD(2,3,2) on 1..6: ema2 alpha 2/3, seed 1.5 at idx1; ema3 seed 2 at idx2.
    line, sig = macd(xs, 2, 3, 2)
    ema2 = [None, 1.5]
    for i in range(2, 6):
        ema2.append((2.0 / 3) * xs[i] + (1.0 / 3) * ema2[-1])
    ema3 = [None, None, 2.0, 3.0, 4.0, 5.0]
    for i in range(6):
        if i < 2:
            assert line[i] is None
        else:
            assert approx(line[i], ema2[i] - ema3[i]), (i, line[i])
    assert sig[:3] == [None, None, None]
    assert approx(sig[3], (line[2] + line[3]) / 2)

    # Bollinger(3,2) on 1,2,3: mean 2, pop std sqrt(2/3).
    up, mid, lo = bollinger([1.0, 2.0, 3.0], 3, 2.0)
    assert mid[2] == 2.0 and approx(up[2], 2.0 + 2 * math.sqrt(2.0 / 3)) and approx(lo[2], 2.0 - 2 * math.sqrt(2.0 / 3))

    # ATR(2): bars (h,l,c): (10,8,9), (11,9,10.5), (12,10,11), (11,7,8)
    hi = [10.0, 11.0, 12.0, 11.0]
    lw = [8.0, 9.0, 10.0, 7.0]
    cl = [9.0, 10.5, 11.0, 8.0]
    # TR1 = max(2, |11-9|=2, |9-9|=0) = 2; TR2 = max(2, 1.5, 0.5) = 2; TR3 = max(4, 0, 4) = 4
    a = atr(hi, lw, cl, 2)
    assert a[0] is None and a[1] is None and a[2] == 2.0 and a[3] == (2.0 * 1 + 4.0) / 2, a

    # ROC(2) on 1..6: idx2 = (3/1-1)*100 = 200.
    ro = roc(xs, 2)
    assert ro[:2] == [None, None] and approx(ro[2], 200.0) and approx(ro[5], 50.0)

    import rule_reference_selftest
    rule_reference_selftest.run()
    import execution_reference
    execution_reference.selftest()

    print(json.dumps({"selftest": "ok", "stockcharts_rsi14_first_4dp": stockcharts_first,
                      "stockcharts_rsi14_first_2dp": r2[14]}))


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------

USAGE = """usage:
  backtest_reference.py CSV_PATH STRATEGY_JSON FROM TO COST_BPS [EXECUTION_JSON]
  backtest_reference.py indicators CSV_PATH NAME PARAMS_JSON
  backtest_reference.py --indicators CSV_PATH
  backtest_reference.py selftest"""


def main(argv):
    if len(argv) == 1 and argv[0] == "selftest":
        selftest()
        return 0
    if len(argv) == 4 and argv[0] == "indicators":
        bars = load_csv(argv[1])
        result = indicator_series(bars, argv[2], json.loads(argv[3]))
        result["dates"] = [b["date"] for b in bars]
        print(json.dumps(result))
        return 0
    if len(argv) == 2 and argv[0] == "--indicators":
        bars = load_csv(argv[1])
        result = {"dates": [b["date"] for b in bars], "indicators": {}}
        for name in INDICATOR_DEFAULTS:
            one = indicator_series(bars, name, {})
            result["indicators"][name] = {"params": one["params"], "series": one["series"]}
        print(json.dumps(result))
        return 0
    if len(argv) in (5, 6):
        result = run_backtest(*argv)
        print(json.dumps(result))
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
