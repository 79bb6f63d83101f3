#!/usr/bin/env bash
# Regenerates the engine's reference fixtures from the independent Python implementation
# (backtest_reference.py, written from the spec alone). Run from anywhere; needs python3 only.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ref="$root/tests/reference/backtest_reference.py"
out="$root/tests/ClaudBot.Engine.Tests/Reference"
mkdir -p "$out"

run() { # symbol strategy-json from to cost
  python3 "$ref" "$root/data/$1.csv" "$2" "$3" "$4" "$5" | python3 -c '
import json,sys; r=json.load(sys.stdin); r["symbol"]=sys.argv[1]; r["cost_bps"]=float(sys.argv[2]); print(json.dumps(r))' "$1" "$5"
}

{
  echo '['
  first=1
  while read -r sym strat from to cost; do
    [ -z "$sym" ] && continue
    [ $first -eq 1 ] || echo ','
    first=0
    run "$sym" "$strat" "$from" "$to" "$cost"
  done <<'CASES'
RELIANCE {"name":"rsi","period":14,"lower":30,"upper":70} 2021-01-01 2026-12-31 10
RELIANCE {"name":"macd","fast":12,"slow":26,"signal":9} 2021-01-01 2026-12-31 10
RELIANCE {"name":"momentum","lookback":20,"threshold":0} 2021-01-01 2026-12-31 10
RELIANCE {"name":"sma_cross","fast":50,"slow":200} 2021-01-01 2026-12-31 10
RELIANCE {"name":"bollinger","period":20,"k":2} 2021-01-01 2026-12-31 10
RELIANCE {"name":"buy_hold"} 2021-01-01 2026-12-31 10
TCS {"name":"rsi","period":10,"lower":25,"upper":75} 2022-01-01 2023-12-31 0
INFY {"name":"macd","fast":5,"slow":35,"signal":5} 2023-03-01 2025-06-30 5
INFY {"name":"sma_cross","fast":20,"slow":100} 2022-06-15 2025-12-31 25
HDFCBANK {"name":"bollinger","period":10,"k":1.5} 2024-01-01 2024-12-31 3
HDFCBANK {"name":"momentum","lookback":60,"threshold":0.05} 2021-06-01 2025-06-01 0
M&M {"name":"rsi","period":7,"lower":20,"upper":80} 2021-01-01 2026-12-31 15
SBIN {"name":"buy_hold"} 2024-02-01 2024-02-29 10
TITAN {"name":"rsi","period":21,"lower":40,"upper":60} 2025-12-01 2026-03-31 0
CASES
  echo ']'
} > "$out/backtests.json"

# Execution rules (issue #13): charges, slippage, sizing, whole shares, stops, targets, trails.
run_exec() { # symbol strategy-json from to execution-json
  python3 "$ref" "$root/data/$1.csv" "$2" "$3" "$4" 0 "$5" | python3 -c '
import json,sys; r=json.load(sys.stdin); r["symbol"]=sys.argv[1]; print(json.dumps(r))' "$1"
}

{
  echo '['
  first=1
  while read -r sym strat from to execution; do
    [ -z "$sym" ] && continue
    [ $first -eq 1 ] || echo ','
    first=0
    run_exec "$sym" "$strat" "$from" "$to" "$execution"
  done <<'CASES'
RELIANCE {"name":"rsi","period":14,"lower":30,"upper":70} 2021-01-01 2026-12-31 {"costs":"bps:10"}
TCS {"name":"rsi","period":14,"lower":30,"upper":70} 2022-01-01 2024-12-31 {"costs":"zerodha-delivery"}
TCS {"name":"rsi","period":14,"lower":30,"upper":70} 2022-01-01 2024-12-31 {"costs":"zerodha-delivery","stop":0.05,"target":0.12}
INFY {"name":"sma_cross","fast":20,"slow":100} 2022-06-15 2025-12-31 {"costs":"zerodha-intraday","whole_shares":false,"slippage_bps":5}
HDFCBANK {"name":"bollinger","period":10,"k":1.5} 2021-01-01 2025-12-31 {"costs":"zerodha-intraday","trail":0.03}
RELIANCE {"name":"macd","fast":12,"slow":26,"signal":9} 2021-01-01 2026-12-31 {"costs":"zerodha-delivery","size":"pct:50","stop":0.04,"trail":0.08,"slippage_bps":10}
TCS {"name":"momentum","lookback":10,"threshold":0} 2022-01-01 2024-12-31 {"costs":"zerodha-delivery","size":"amount:3500"}
SBIN {"name":"buy_hold"} 2021-01-01 2025-12-31 {"costs":"zerodha-delivery","stop":0.03,"target":0.05}
M&M {"name":"rsi","period":7,"lower":20,"upper":80} 2021-01-01 2026-12-31 {"costs":"bps:15","whole_shares":true,"size":"amount:250000","stop":0.02}
TITAN {"name":"buy_hold"} 2025-06-01 2026-03-31 {"costs":"zerodha-intraday","trail":0.02}
ADANIENT {"name":"momentum","lookback":20,"threshold":0} 2021-01-01 2026-12-31 {"costs":"zerodha-delivery","stop":0.06,"target":0.2,"trail":0.1,"slippage_bps":20}
WIPRO {"name":"sma_cross","fast":10,"slow":30} 2021-01-01 2026-12-31 {"costs":"zerodha-intraday","size":"amount:40000","target":0.03}
CASES
  echo ']'
} > "$out/exec_backtests.json"

python3 "$ref" indicators "$root/data/RELIANCE.csv" macd '{"fast":12,"slow":26,"signal":9}' > "$out/reliance_macd.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" bollinger '{"period":20,"k":2}' > "$out/reliance_bollinger.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" atr '{"period":14}' > "$out/reliance_atr.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" rsi '{"period":14}' > "$out/reliance_rsi.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" ema '{"period":30}' > "$out/reliance_ema.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" sma '{"period":50}' > "$out/reliance_sma.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" roc '{"period":10}' > "$out/reliance_roc.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" highest '{"period":20}' > "$out/reliance_highest.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" lowest '{"period":20}' > "$out/reliance_lowest.json"
python3 "$ref" indicators "$root/data/RELIANCE.csv" macd_hist '{"fast":12,"slow":26,"signal":9}' > "$out/reliance_macd_hist.json"

# Written rules (issue #12): checks each built-in written as a rule against the built-in on every
# bundled symbol, then writes the rule cases (rule text as written, metrics, trades).
python3 "$root/tests/reference/generate_rule_fixtures.py" "$root/data" "$out/rule_backtests.json"

# Walk-forward analysis (docs/walk-forward.md): the cases of walkforward_cases.json (grid points listed in the
# engine's expansion order, last parameter fastest), windows, picks, segments, stitched curve, defaults, buy and hold.
python3 "$root/tests/reference/walkforward_reference.py" selftest
python3 "$root/tests/reference/walkforward_reference.py" run "$root/tests/reference/walkforward_cases.json" "$root/data" \
  > "$out/walkforward.json"

# Portfolio backtests (issue #18, docs/portfolio.md): the selftest's hand cases (bars inline), then the cases of
# portfolio_cases.json: settings, per-day equity/cash/exposure/positions, metrics, benchmark, contribution, trades.
python3 "$root/tests/reference/portfolio_reference.py" selftest
python3 "$root/tests/reference/portfolio_reference.py" fixture "$root/tests/reference/portfolio_cases.json" "$root/data" \
  > "$out/portfolio.json"
echo "fixtures written to $out"

# Splits and bonuses (issue #15): a raw INFY with a split and a bonus unadjusted into it, its actions.csv, and the
# bars adjusted by the independent reference, which the store's load must match.
python3 "$root/tests/reference/split_reference.py" selftest
python3 "$root/tests/reference/split_reference.py" generate "$root/data" "$root/tests/ClaudBot.MarketData.Tests/Reference"
