#!/bin/bash
# Tiny Belenios 3.0 election on Ed25519: 3 voters, 1 (non-threshold) trustee,
# one approval question (pick any subset of 3 answers).
# Usage: belenios3-ed25519-election.sh [WORKDIR]   (default: /tmp/b3-election)
set -euo pipefail
export BELENIOS_USE_URANDOM=1
BELENIOS_TOOL3=${BELENIOS_TOOL3:-$(git rev-parse --show-toplevel)/target/belenios3/belenios-tool}
belenios-tool () {
    "$BELENIOS_TOOL3" "$@"
}

DIR=${1:-/tmp/b3-election}
rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"

# 1. election id (Base58, 14 chars by default)
UUID=$(belenios-tool setup generate-token)
echo "UUID=$UUID"
uuid="--uuid $UUID"; group="--group Ed25519"

# 2. credentials (credential authority). voters.txt lines: address[,login[,weight]]
cat > voters.txt <<V
alice@example.org,alice
bob@example.org,bob
carol@example.org,carol
V
belenios-tool setup generate-credentials $uuid $group --file voters.txt | tee generate-credentials.out
mv *.privcreds private_creds.json      # {"login":"XXXXX-XXXXXX-XXXXX-XXXXXX",...}
mv *.pubcreds  public_creds.json       # ["<hex point>", ...] sorted
# (generate-credentials --file also prints the fingerprint = sha256-b64 of public_creds.json)

# 3. one trustee (non-threshold): writes ID.pubkey / ID.privkey
belenios-tool setup generate-trustee-key $group
cat *.pubkey > public_keys.jsons
belenios-tool setup make-trustees      # -> trustees.json  [["Single",{...}]]
rm public_keys.jsons

# 4. election
cat > template.json <<T
{"description":"Tiny approval election","name":"kenes-b3-demo","questions":[{"answers":["Red","Green","Blue"],"min":0,"max":3,"question":"Which colours do you approve of?"}]}
T
belenios-tool setup make-election $uuid $group --template template.json   # -> election.json
mkdir -p setup-copy && cp election.json trustees.json public_creds.json setup-copy/

# 5. archive: UUID.bel with election, trustees, public creds, setup_data + Setup event
belenios-tool archive init
rm -f election.json trustees.json public_creds.json

# check public credential fingerprint as in upstream demo.sh (4th tar member = public creds)
EXPECTED="$(tail -n1 generate-credentials.out | awk '{print $(NF)}')"
ACTUAL="$(tar -xOf $UUID.bel "$(tar -tf $UUID.bel | head -n4 | tail -n1)" | belenios-tool sha256-b64)"
[ "$EXPECTED" = "$ACTUAL" ] || { echo "credential fingerprint mismatch"; exit 2; }

# 6. votes
jq -r 'to_entries[] | "\(.key) \(.value)"' private_creds.json > private_creds.txt
cat > votes.txt <<VT
[[1,1,0]]
[[0,1,1]]
[[1,1,1]]
VT
paste -d' ' private_creds.txt votes.txt | while read -r id cred vote; do
    BALLOT="$(belenios-tool election generate-ballot --privcred <(echo "$cred") --choice <(echo "$vote"))"
    echo "$BALLOT" > ballot-$id.json
    belenios-tool election verify-ballot --ballot <(echo "$BALLOT")
    echo "$BALLOT" | belenios-tool archive add-event --type=Ballot
    echo "$id voted, tracker $(printf %s "$BALLOT" | belenios-tool sha256-b64)"
done
belenios-tool election verify

# 7. tally
belenios-tool archive add-event --type=EndBallots < /dev/null
belenios-tool election compute-encrypted-tally | belenios-tool archive add-event --type=EncryptedTally
belenios-tool election verify
for k in *.privkey; do
    belenios-tool election decrypt --privkey "$k" --trustee-id 1 | tee partial_decryption.json \
        | belenios-tool archive add-event --type=PartialDecryption
done
belenios-tool election compute-result | tee result.json | belenios-tool archive add-event --type=Result

# 8. final audit
belenios-tool election verify
echo "RESULT: $(tar -xOf $UUID.bel "$(tar -tf $UUID.bel | tail -n2 | head -n1)")"
tar -tvf $UUID.bel
