#!/bin/bash
# Belenios 3.0, Ed25519: mixnet tally. 3 voters, 1 trustee (Single).
# Question 1: NonHomomorphic (ranked, 3 candidates)  -> shuffled, individual votes revealed
# Question 2: Lists                                   -> homomorphic (NOT shuffled), only sums revealed
set -euo pipefail
export BELENIOS_USE_URANDOM=1
BELENIOS_TOOL3=${BELENIOS_TOOL3:-$(git rev-parse --show-toplevel)/target/belenios3/belenios-tool}
belenios-tool () { "$BELENIOS_TOOL3" "$@"; }
DIR=${1:-/tmp/b3-shuffle}; rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"
UUID=$(belenios-tool setup generate-token); uuid="--uuid $UUID"; group="--group Ed25519"

belenios-tool setup generate-credentials $uuid $group --count 3
mv *.pubcreds public_creds.json; mv *.privcreds private_creds.json
belenios-tool setup generate-trustee-key $group
cat *.pubkey > public_keys.jsons; belenios-tool setup make-trustees; rm public_keys.jsons
cat > template.json <<T
{"description":"mixnet demo","name":"kenes-b3-shuffle","questions":[{"type":"NonHomomorphic","value":{"answers":["Ann","Ben","Cid"],"question":"Rank the candidates (1 = best)"},"extra":{"method":"Schulze"}},{"type":"Lists","value":{"answers":[["List A","A1","A2"],["List B","B1"]],"question":"Pick a list and candidates"}}]}
T
belenios-tool setup make-election $uuid $group --template template.json
mkdir -p setup-copy; cp election.json trustees.json public_creds.json setup-copy/
belenios-tool archive init; rm -f election.json trustees.json public_creds.json

jq -r '.[]' private_creds.json > creds.txt
# one line per voter: [ranks for Q1, [[L_A,A1,A2],[L_B,B1]] for Q2]
cat > votes.txt <<V
[[1,2,3],[[1,1,0],[0,0]]]
[[2,1,3],[[0,0,0],[1,1]]]
[[1,3,2],[[1,0,1],[0,0]]]
V
paste -d' ' creds.txt votes.txt | while read -r cred vote; do
  B="$(belenios-tool election generate-ballot --privcred <(echo "$cred") --choice <(echo "$vote"))"
  echo "$B" > "ballot-$(printf %s "$B" | sha256sum | cut -c1-8).json"
  echo "$B" | belenios-tool archive add-event --type=Ballot
done
belenios-tool archive add-event --type=EndBallots < /dev/null
belenios-tool election compute-encrypted-tally | belenios-tool archive add-event --type=EncryptedTally

# --- mixnet: each trustee (here only #1) shuffles the NH ciphertexts ---
# output = 2 lines: the shuffle, then {"owner":1,"payload":<hash of shuffle>}
belenios-tool election shuffle --trustee-id=1 | tee shuffle-1.jsonl | belenios-tool archive add-event --type=Shuffle
belenios-tool archive add-event --type=EndShuffles < /dev/null
belenios-tool election verify            # checks shuffle proofs

for k in *.privkey; do
  belenios-tool election decrypt --privkey "$k" --trustee-id 1 | belenios-tool archive add-event --type=PartialDecryption
done
belenios-tool election compute-result | tee result.jsonl | belenios-tool archive add-event --type=Result
belenios-tool election verify
cat result.jsonl
jq -c '.result[0]' result.jsonl | belenios-tool method schulze --blank-allowed false
echo
tar -tf $UUID.bel
