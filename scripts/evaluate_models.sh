#!/usr/bin/env bash
# Scores of the bundled models on the held-out test splits, as printed in kg/stanza_models/README.md.
# Usage: scripts/evaluate_models.sh [DATA_DIR]   (default ../shared/data); writes kg/stanza_models/scores.json
set -euo pipefail
data="${1:-../shared/data}"
out="$(dirname "$0")/../kg/stanza_models/scores.json"
kg models evaluate \
  --ner "$data/ner/ANERcorp/test.bio" --ner "$data/ner/AQMAR/test.bio" \
  --conllu "$data/ud/UD_Arabic-PUD/split/ar_pud-ud-test.conllu" > "$out.tmp"
kg models evaluate --wojood --ner "$data/ner/Wojood-sample/test.bio" > "$out.wojood.tmp"
python - "$out" <<'PY'
import json, sys
out = sys.argv[1]
main = json.load(open(out + ".tmp"))
main["ner"].update(json.load(open(out + ".wojood.tmp"))["ner"])
json.dump(main, open(out, "w"), indent=1, ensure_ascii=False)
PY
rm -f "$out.tmp" "$out.wojood.tmp"
echo "wrote $out"
