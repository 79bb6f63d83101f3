#!/usr/bin/env bash
# Submits a job and follows it: submit_job.sh "rsi,macd" "RELIANCE,TCS" 2020-01-01 2020-12-31
exec "$(dirname "${BASH_SOURCE[0]}")/claudbot.sh" submit "${1:?usage: submit_job.sh STRATEGIES SYMBOLS FROM TO}" "${2:?usage: submit_job.sh STRATEGIES SYMBOLS FROM TO}" "${3:?usage: submit_job.sh STRATEGIES SYMBOLS FROM TO}" "${4:?usage: submit_job.sh STRATEGIES SYMBOLS FROM TO}"
