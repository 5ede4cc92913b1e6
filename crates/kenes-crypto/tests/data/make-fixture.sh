#!/bin/bash
# Builds a Belenios 2.0 election archive with the Debian belenios-tool.
# Usage: make-fixture.sh OUTDIR single|threshold
# See README.md in this directory for how the committed fixtures were made.
set -euo pipefail
export BELENIOS_USE_URANDOM=1
BT=${KENES_BELENIOS_TOOL:-/usr/bin/belenios-tool}
OUT=$1
KIND=${2:-single}
mkdir -p "$OUT"
cd "$OUT"
UUID=$($BT setup generate-token)
group="--group BELENIOS-2048"
cat > voters.txt <<VOTERS
voter1@example.com,voter1,1
voter2@example.com,voter2,2
voter3@example.com,voter3,3
voter4@example.com,voter4,1
VOTERS
$BT setup generate-credentials --uuid "$UUID" $group --file voters.txt > /dev/null
mv ./*.pubcreds public_creds.json
mv ./*.privcreds private_creds.txt
if [ "$KIND" = threshold ]; then
  tk () { $BT setup generate-trustee-key-threshold $group "$@"; }
  tk --step 1; tk --step 1; tk --step 1
  cat ./*.cert > certs.jsons
  tk --certs certs.jsons --step 2
  for u in *.key; do tk --certs certs.jsons --key "$u" --step 3 --threshold 2; done > polynomials.jsons
  tk --certs certs.jsons --step 4 --polynomials polynomials.jsons
  for u in *.key; do b=${u%.key}; tk --certs certs.jsons --key "$u" --step 5 < "$b.vinput" > "$b.voutput"; done
  cat ./*.voutput | tk --certs certs.jsons --step 6 --polynomials polynomials.jsons > threshold.json
fi
$BT setup generate-trustee-key $group > /dev/null
cat ./*.pubkey > public_keys.jsons
$BT setup make-trustees
rm -f threshold.json public_keys.jsons
cat > questions.json <<Q
{"description":"Fixture election","name":"Fixture","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"blank":true,"min":1,"max":1,"question":"Yes or no?"},{"answers":["X","Y","Z"],"min":1,"max":2,"question":"Pick one or two"}]}
Q
$BT setup make-election --uuid "$UUID" $group --template questions.json
$BT archive init
rm -f election.json trustees.json public_creds.json
cat > votes.txt <<V
[[1,0,1,0,1],[0,1,0],[1,0,0]]
[[0,0,0,0,0],[1,0,0],[0,1,1]]
[[1,1,1,1,1],[0,0,1],[0,0,1]]
[[0,1,0,0,0],[0,1,0],[1,1,0]]
V
paste private_creds.txt votes.txt | while read -r id cred vote; do
  $BT election generate-ballot --privcred <(echo "$cred") --ballot <(echo "$vote") | $BT archive add-event --type=Ballot
done
# A revote by the first voter: the last ballot counts.
head -n1 private_creds.txt | while read -r id cred; do
  $BT election generate-ballot --privcred <(echo "$cred") --ballot <(echo '[[0,0,0,0,1],[0,0,1],[0,0,1]]') | $BT archive add-event --type=Ballot
done
$BT archive add-event --type=EndBallots < /dev/null
$BT election compute-encrypted-tally | $BT archive add-event --type=EncryptedTally
if [ "$KIND" = threshold ]; then
  id=2
  for u in *.key; do
    if [ $id -le 3 ]; then
      $BT election decrypt-threshold --key "$u" --decryption-key "${u%.key}.dkey" --trustee-id $id | $BT archive add-event --type=PartialDecryption
    fi
    id=$((id+1))
  done
fi
for u in *.privkey; do
  $BT election decrypt --privkey "$u" --trustee-id 1 | $BT archive add-event --type=PartialDecryption
done
$BT election compute-result | $BT archive add-event --type=Result
$BT election verify
echo "$UUID"
