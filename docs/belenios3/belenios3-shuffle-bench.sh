#!/bin/bash
# Times belenios-tool 3.0's `election shuffle` and `election verify` on an Ed25519 election with N NH ballots (default 100).
# kenes on the same archive: cargo bench -p kenes-crypto --bench shuffle -- --archive $DIR/before-shuffle.bel.copy $DIR/shuffle.txt
set -euo pipefail
N=${1:-100}; DIR=/tmp/mxbench-$N; T=${BELENIOS_TOOL3:-$(git rev-parse --show-toplevel)/target/belenios3/belenios-tool}
export BELENIOS_USE_URANDOM=1
rm -rf $DIR; mkdir -p $DIR; cd $DIR
UUID=$($T setup generate-token)
$T setup generate-credentials --uuid $UUID --group Ed25519 --count $N >/dev/null 2>&1
mv *.pubcreds public_creds.json; mv *.privcreds private_creds.json
$T setup generate-trustee-key --group Ed25519 >/dev/null 2>&1
cat *.pubkey > public_keys.jsons; $T setup make-trustees 2>/dev/null; rm public_keys.jsons
echo '{"description":"d","name":"n","questions":[{"type":"NonHomomorphic","value":{"answers":["A","B","C"],"question":"Rank"}}]}' > template.json
$T setup make-election --uuid $UUID --group Ed25519 --template template.json 2>/dev/null
$T archive init 2>/dev/null
jq -r '.[]' private_creds.json > creds.txt
mkdir -p ballots
start=$(date +%s.%N)
i=0; while read -r cred; do i=$((i+1)); echo "$i $cred"; done < creds.txt | xargs -P2 -L1 bash -c 'echo "$1" > ballots/c$0; echo "[[1,2,3]]" > ballots/v$0; '"$T"' election generate-ballot --privcred ballots/c$0 --choice ballots/v$0 > ballots/b$0 2>/dev/null'
echo "generate $N ballots: $(echo "$(date +%s.%N) - $start" | bc) s"
start=$(date +%s.%N)
for b in ballots/b*; do $T archive add-event --type=Ballot < $b 2>/dev/null; done
echo "add $N ballots: $(echo "$(date +%s.%N) - $start" | bc) s"
$T archive add-event --type=EndBallots </dev/null 2>/dev/null
$T election compute-encrypted-tally 2>/dev/null | $T archive add-event --type=EncryptedTally 2>/dev/null
/usr/bin/time -f "tool shuffle N=$N: %e s wall %U s user" $T election shuffle --trustee-id=1 > shuffle.txt 2>/dev/null || true
/usr/bin/time -f "tool shuffle N=$N: %e s wall %U s user" $T election shuffle --trustee-id=1 2>&1 >/dev/null | grep tool
cp *.bel before-shuffle.bel.copy
/usr/bin/time -f "tool verify (no shuffle) N=$N: %e s wall %U s user" $T election verify 2>&1 >/dev/null | grep tool
$T archive add-event --type=Shuffle < shuffle.txt 2>/dev/null
$T archive add-event --type=EndShuffles </dev/null 2>/dev/null
/usr/bin/time -f "tool verify (one shuffle) N=$N: %e s wall %U s user" $T election verify 2>&1 >/dev/null | grep tool
