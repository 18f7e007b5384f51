#!/usr/bin/env bash
# Drops a small sample day of PG files for the sample providers (toss, kcp, and ksnet, welcome,
# welcome-offline from scripts/samples/reconciliation/, dated there 2026-11-21 and re-dated here) into
# the inbox, for trying the reconciliation by hand (docs/operations.md, docs/reconciliation.md).
# Realistic volumes: bench/reconciliation/generate.py.
#
#   scripts/sample-reconciliation-files.sh <yyyy-MM-dd> [inbox]   (inbox: data/reconciliation/inbox)
set -euo pipefail
day=${1:?usage: sample-reconciliation-files.sh <yyyy-MM-dd> [inbox]}
inbox=${2:-data/reconciliation/inbox}
basic=${day//-/}
mkdir -p "$inbox/toss" "$inbox/kcp"
cat >"$inbox/toss/toss_transactions_$day.csv" <<CSV
paymentKey,orderId,status,totalAmount,approvedAt
tpk_demo_1,order-1,DONE,10000,${day}T10:00:00+09:00
tpk_demo_2,order-2,DONE,25000,${day}T11:30:00+09:00
tpk_demo_2,order-2,CANCELED,25000,${day}T12:00:00+09:00
not a valid line
CSV
cat >"$inbox/toss/toss_acquisitions_$day.csv" <<CSV
paymentKey,orderId,acquisitionStatus,amount,acquiredAt
tpk_demo_1,order-1,COMPLETED,10000,$day
CSV
cat >"$inbox/toss/toss_settlements_$day.csv" <<CSV
paymentKey,orderId,amount,fee,payOutAmount,soldDate,paidOutDate
tpk_demo_1,order-1,10000,320,9680,$day,$day
CSV
cat >"$inbox/kcp/KCP_TRADE_$basic.txt" <<TXT
TNO|ORDR_IDXX|TRAN_STAT|AMOUNT|APP_TIME
kcp_demo_1|order-3|APPR|15000|${basic}093000
TXT
cat >"$inbox/kcp/KCP_ACQUIRE_$basic.txt" <<TXT
TNO|ORDR_IDXX|ACQU_STAT|ACQU_AMT|ACQU_DATE
TXT
cat >"$inbox/kcp/KCP_SETTLE_$basic.txt" <<TXT
TNO|ORDR_IDXX|SALE_AMT|FEE_AMT|PAY_AMT|PAY_DATE
TXT
# the fixed-width (EUC-KR) and Welcome samples: re-dated byte for byte (the dates are ASCII in every layout)
samples="$(cd "$(dirname "$0")" && pwd)/samples/reconciliation"
for provider in ksnet welcome welcome-offline; do
  mkdir -p "$inbox/$provider"
  for f in "$samples/$provider"/*; do
    name=$(basename "$f")
    LC_ALL=C sed "s/20261121/$basic/g" "$f" >"$inbox/$provider/${name//20261121/$basic}"
  done
done
echo "wrote 15 files for $day under $inbox/{toss,kcp,ksnet,welcome,welcome-offline}/"
