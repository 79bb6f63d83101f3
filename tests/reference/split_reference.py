#!/usr/bin/env python3
"""Independent reference of the split and bonus adjustment (issue #15), standard library only.

The rule, from the spec: a split or bonus with ratio r on date D means each old share is r shares
from D on. Every bar dated before D has its open, high, low and close divided by r and its volume
multiplied by r; bars on or after D are unchanged. Several actions compound. An action on or
before the first bar, or after the last, changes nothing. Dividends never change prices.

Usage
-----
Write the fixture (a raw file unadjusted from a bundled symbol, its actions.csv, and the adjusted
bars this reference computes from them):
    python3 split_reference.py generate DATA_DIR OUT_DIR

Self-test on a hand-checkable series:
    python3 split_reference.py selftest
"""

import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from backtest_reference import load_csv  # noqa: E402

SYMBOL = "INFY"
FIRST, LAST = "2022-01-01", "2023-12-31"
ACTIONS = (
    "date,symbol,ratio,kind,amount\n"
    "2022-06-01,INFY,2,split,\n"
    "15-Mar-2023,INFY,1.5,bonus,\n"
    "2023-06-01,INFY,,dividend,17.5\n"
    "2024-05-02,INFY,3,split,\n"
)


def parse_date(text):
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%b-%Y"):
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date().isoformat()
        except ValueError:
            pass
    raise ValueError("unknown date " + text)


def parse_splits(actions_text, symbol):
    """(date, ratio) of the symbol's splits and bonuses, oldest first."""
    lines = actions_text.strip().split("\n")
    names = [n.strip().lower() for n in lines[0].split(",")]
    out = []
    for line in lines[1:]:
        row = dict(zip(names, [f.strip() for f in line.split(",")]))
        if row["symbol"].upper() != symbol or row.get("kind", "") not in ("", "split", "bonus"):
            continue
        out.append((parse_date(row["date"]), float(row["ratio"])))
    out.sort()
    return out


def adjust(bars, splits):
    """A new list of bars adjusted for splits [(date, ratio)]; see the module's rule."""
    if not bars:
        return []
    first, last = bars[0]["date"], bars[-1]["date"]
    result = []
    for bar in bars:
        factor = 1.0
        for date, ratio in splits:
            if first < date <= last and bar["date"] < date:
                factor *= ratio
        result.append({
            "date": bar["date"],
            "open": bar["open"] / factor,
            "high": bar["high"] / factor,
            "low": bar["low"] / factor,
            "close": bar["close"] / factor,
            "volume": bar["volume"] * factor,
        })
    return result


def unadjust_lines(csv_path, splits):
    """The bundled file's lines in [FIRST, LAST] as raw data: before each split, prices x ratio, volume / ratio."""
    with open(csv_path, "r", encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        lines = [header]
        for line in f:
            parts = line.rstrip("\n").split(",")
            date = parts[0][:10]
            if not FIRST <= date <= LAST:
                continue
            factor = 1.0
            for split_date, ratio in splits:
                if date < split_date <= LAST:
                    factor *= ratio
            for i in range(1, 5):
                parts[i] = repr(float(parts[i]) * factor)
            parts[5] = repr(float(parts[5]) / factor)
            lines.append(",".join(parts))
    return "\n".join(lines) + "\n"


def generate(data_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    splits = parse_splits(ACTIONS, SYMBOL)
    raw_path = os.path.join(out_dir, "split_raw_%s.csv" % SYMBOL)
    with open(raw_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(unadjust_lines(os.path.join(data_dir, SYMBOL + ".csv"), splits))
    with open(os.path.join(out_dir, "split_actions.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(ACTIONS)
    adjusted = adjust(load_csv(raw_path), splits)
    out = {key: [bar[key] for bar in adjusted] for key in ("date", "open", "high", "low", "close", "volume")}
    out["symbol"] = SYMBOL
    with open(os.path.join(out_dir, "split_adjusted_%s.json" % SYMBOL), "w", encoding="utf-8") as f:
        json.dump(out, f)


def selftest():
    bars = [{"date": d, "open": c, "high": c, "low": c, "close": c, "volume": 10.0}
            for d, c in (("2021-02-01", 100.0), ("2021-02-02", 102.0), ("2021-02-03", 51.0), ("2021-02-04", 52.0))]
    closes = lambda s: [b["close"] for b in adjust(bars, s)]  # noqa: E731
    assert closes([("2021-02-03", 2.0)]) == [50.0, 51.0, 51.0, 52.0]
    assert [b["volume"] for b in adjust(bars, [("2021-02-03", 2.0)])] == [20.0, 20.0, 10.0, 10.0]
    assert closes([("2021-02-02", 5.0), ("2021-02-04", 2.0)]) == [10.0, 51.0, 25.5, 52.0]
    assert closes([("2021-02-01", 2.0)]) == closes([("2021-03-01", 2.0)]) == [100.0, 102.0, 51.0, 52.0]
    assert parse_splits(ACTIONS, "INFY") == [("2022-06-01", 2.0), ("2023-03-15", 1.5), ("2024-05-02", 3.0)]
    print("split reference selftest passed")


if __name__ == "__main__":
    if sys.argv[1:2] == ["generate"]:
        generate(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["selftest"]:
        selftest()
    else:
        print(__doc__)
        sys.exit(2)
