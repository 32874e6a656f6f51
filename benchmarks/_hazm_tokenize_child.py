"""Baseline for big input: hazm's own normalise, sentence and word tokenise of a file, in one process."""

import sys

import hazm

normalizer = hazm.Normalizer()
sentences = hazm.SentenceTokenizer()
words = hazm.WordTokenizer(join_verb_parts=False)
count = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    text = handle.read()
# A paragraph at a time, as any reader of a long text would feed hazm (and as khana does).
for paragraph in text.split("\n"):
    if paragraph.strip():
        for sentence in sentences.tokenize(normalizer.normalize(paragraph)):
            count += len(words.tokenize(sentence))
print(f"tokens {count}")
