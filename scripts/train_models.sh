#!/usr/bin/env bash
# The full training recipe of the bundled models, from ../shared/data alone (hours on 2 CPU cores).
# Resumable: finished steps are skipped, NER resumes from its best checkpoint.  Runs in the
# background; follow work/train.log and work/logs/<step>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
pip install --quiet -e ".[train]"
nohup kg models train --data "${1:-../shared/data}" --work work \
  --threads "${THREADS:-2}" --ner-steps "${NER_STEPS:-10000}" > work/train.log 2>&1 &
echo "training in the background (pid $!): tail -f work/train.log"
