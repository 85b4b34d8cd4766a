#!/bin/sh
# Writes the speed corpus to stdout: the FriBidi fixtures' meeting minutes
# (tests/fixtures/bidi/corpus.txt: Persian with digits, dates, «quotes», parentheses, Latin
# words, ZWNJ, harakat, a few emoji) repeated whole until at least SIZE bytes (default 10 MiB,
# the figure in the README's Speed section). The criterion benches build the same text in
# memory (text_common::corpus_of_size).
#   benches/corpus.sh 10485760 > /tmp/c10.txt
set -eu
size=${1:-10485760}
seed="$(dirname "$0")/../tests/fixtures/bidi/corpus.txt"
one=$(wc -c < "$seed")
copies=$(( (size + one - 1) / one ))
i=0
while [ "$i" -lt "$copies" ]; do
  cat "$seed"
  i=$((i + 1))
done
