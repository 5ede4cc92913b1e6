#!/bin/bash
# Belenios 3.0, Ed25519: threshold (Pedersen, 2-of-3) trustees + 1 mandatory "Single" server key,
# 3 voters, homomorphic question, decryption by 2 threshold trustees + server.  (adapted from upstream tests/tool/demo-threshold.sh)
set -euo pipefail
export BELENIOS_USE_URANDOM=1
BELENIOS_TOOL3=${BELENIOS_TOOL3:-$(git rev-parse --show-toplevel)/target/belenios3/belenios-tool}
belenios-tool () { "$BELENIOS_TOOL3" "$@"; }
DIR=${1:-/tmp/b3-threshold}; rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"
UUID=$(belenios-tool setup generate-token); uuid="--uuid $UUID"; group="--group Ed25519"
trustees=3; threshold=2
belenios-tool setup generate-credentials $uuid $group --count 3
mv *.pubcreds public_creds.json; mv *.privcreds private_creds.json
ttkeygen () { belenios-tool setup generate-trustee-key-threshold $group "$@"; }
for i in $(seq $trustees); do ttkeygen --threshold-context $i/$threshold/$trustees --step 1 > $i.trustee; done  # -> ID.key (seed), ID.cert
for i in $(seq $trustees); do cat $(cat $i.trustee).cert; done > certs.jsons
ttkeygen --certs certs.jsons --step 2                                  # server checks certs
for i in $(seq $trustees); do
  ttkeygen --threshold-context $i/$threshold/$trustees --certs certs.jsons --key $(cat $i.trustee).key --step 3
done > polynomials.jsons                                               # one polynomial per trustee
ttkeygen --certs certs.jsons --step 4 --polynomials polynomials.jsons  # -> ID.vinput per trustee
for i in $(seq $trustees); do id=$(cat $i.trustee); ttkeygen --certs certs.jsons --key $id.key --step 5 < $id.vinput > $id.voutput; done
for i in $(seq $trustees); do cat $(cat $i.trustee).voutput; done | ttkeygen --certs certs.jsons --step 6 --polynomials polynomials.jsons > threshold.json
belenios-tool setup generate-trustee-key $group                        # mandatory server key
cat *.pubkey > public_keys.jsons
belenios-tool setup make-trustees                                      # [["Single",..],["Pedersen",..]]
rm threshold.json
echo '{"description":"d","name":"threshold demo","questions":[{"answers":["Yes","No"],"min":1,"max":1,"question":"Q?"}]}' > template.json
belenios-tool setup make-election $uuid $group --template template.json
mkdir -p setup-copy; cp election.json trustees.json public_creds.json setup-copy/
belenios-tool archive init; rm -f election.json trustees.json public_creds.json
jq -r '.[]' private_creds.json > creds.txt
paste -d' ' creds.txt <(printf '[[1,0]]\n[[0,1]]\n[[1,0]]\n') | while read -r cred vote; do
  belenios-tool election generate-ballot --privcred <(echo "$cred") --choice <(echo "$vote") | belenios-tool archive add-event --type=Ballot
done
belenios-tool archive add-event --type=EndBallots < /dev/null
belenios-tool election compute-encrypted-tally | belenios-tool archive add-event --type=EncryptedTally
# trustee ids: 1 = the Single server key (first in trustees.json), 2..4 = Pedersen trustees 1..3
for i in $(seq $threshold); do id=$(cat $i.trustee)
  belenios-tool election decrypt-threshold --key $id.key --decryption-key $id.dkey --trustee-id $((i + 1)) | belenios-tool archive add-event --type=PartialDecryption
done
for u in *.privkey; do belenios-tool election decrypt --privkey $u --trustee-id 1 | belenios-tool archive add-event --type=PartialDecryption; done
belenios-tool election compute-result | belenios-tool archive add-event --type=Result
belenios-tool election verify
tar -xOf $UUID.bel "$(tar -tf $UUID.bel | tail -n2 | head -n1)"; echo
