"""Train the neural NER tagger (char CNN + BiLSTM + CRF) and export it to ONNX.

    python -m reader.core.ner.train_neural                       # → /tmp/ner-neural.{onnx,json}
    python -m reader.core.ner.train_neural --encoder lstm --no-features --out /tmp/x   # an ablation
    python -m reader.core.ner.train_neural --evaluate /tmp/ner-neural --crf MODEL  # combined with a CRF

Needs the ``train`` extra (torch, onnx); the tagger it writes runs with onnxruntime
and numpy alone (``neural``). Training data: PEYMA train plus NSURL's 600K part
less its dev blocks (``nsurl_split``); both dev sets are scored after every epoch
and the epoch with the best sum of PEYMA PER+LOC+ORG F1 and NSURL all-type F1 is
the one exported. Word vectors are word2vec over Hamshahri plus the training
tokens (``build_vectors``), on the spelling fold of the CRF's features, frozen
unless ``--tune-words``. Everything is seeded and runs on one thread, so the
same command writes the same model.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reader.core.ner.corpus import TaggedSentence, convert_tag, read_tagged
from reader.core.ner.neural import (
    FEATURE_COLUMNS,
    LABELS,
    NeuralTagger,
    allowed_transitions,
    char_ids,
    feature_ids,
    feature_strings,
    pad_features,
    repair_iob,
    word_key,
)
from reader.core.ner.neural_eval import HEADLINE, compare, print_reports
from reader.core.ner.neural_export import export
from reader.core.ner.scoring import evaluate

if TYPE_CHECKING:
    import torch

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"
PEYMA_TRAIN = SHARED / "peyma" / "train.txt"
PEYMA_DEV = SHARED / "peyma" / "dev.txt"
NSURL = SHARED / "nsurl" / "train.txt"
HAMSHAHRI = SHARED / "unlabeled" / "hamshahri.txt"

# NSURL's dev set: blocks of this many consecutive sentences, a tenth of them, seeded. The seed is
# the CRF trainer's (``datasets.SEED``), so both taggers are measured on the same dev blocks and a
# CRF trained there never saw the neural tagger's dev set.
NSURL_BLOCK = 30
NSURL_DEV_SHARE = 0.1
NSURL_SEED = 2019
SEED = 13
# Dilations of the CNN encoder's width-3 layers: each token sees 15 neighbours on either side.
DILATIONS = (1, 2, 4, 8)


@dataclass(frozen=True)
class Settings:
    """Hyper-parameters of one training run (written into the model's JSON side file)."""

    word_dim: int = 100
    char_dim: int = 24
    char_filters: int = 48
    encoder: str = "cnn"  # "cnn" (dilated convolutions) or "lstm" (BiLSTM)
    hidden: int = 96  # CNN channels, or LSTM units per direction
    dropout: float = 0.5
    word_dropout: float = 0.05
    tune_words: bool = False
    features: bool = True  # the FEATURE_COLUMNS inputs
    feature_dim: int = 8
    vocab: int = 40_000
    epochs: int = 10
    batch: int = 32
    lr: float = 0.002
    clip: float = 5.0
    seed: int = SEED


# ----------------------------------------------------------------------------- data


def nsurl_split(
    sentences: Sequence[TaggedSentence], block: int = NSURL_BLOCK, seed: int = NSURL_SEED
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """``(train, dev)`` of NSURL: the CRF trainer's cut (``datasets.split_blocks``), so both taggers
    are scored on the same dev blocks and can be combined without leaking dev."""
    from reader.core.ner.datasets import split_blocks

    return split_blocks(sentences, block=block, share=NSURL_DEV_SHARE, seed=seed)


def read_nsurl(path: Path) -> list[TaggedSentence]:
    """NSURL's ``token<TAB>tag`` lines (PEYMA's reader splits on ``|``, which NSURL tokens may hold)."""
    sentences: list[TaggedSentence] = []
    current: TaggedSentence = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            token, sep, tag = line.rstrip("\r\n").rpartition("\t")
            if sep and token:
                current.append((token, convert_tag(tag)))
            elif current:
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def load_data(
    peyma_train: Path = PEYMA_TRAIN, peyma_dev: Path = PEYMA_DEV, nsurl: Path | None = NSURL, seed: int = NSURL_SEED
) -> tuple[list[TaggedSentence], dict[str, list[TaggedSentence]]]:
    """Training sentences and the named dev sets; training copies of a dev sentence are dropped."""
    train = read_tagged(peyma_train)
    devs: dict[str, list[TaggedSentence]] = {}
    if peyma_dev.is_file():
        devs["PEYMA dev"] = read_tagged(peyma_dev)
    if nsurl is not None and nsurl.is_file():
        nsurl_train, devs["NSURL dev"] = nsurl_split(read_nsurl(nsurl), seed=seed)
        train += nsurl_train
    seen = {tuple(word_key(t) for t, _ in s) for dev in devs.values() for s in dev}
    train = [s for s in train if tuple(word_key(t) for t, _ in s) not in seen]
    return train, devs


_TOKEN = re.compile(r"[\w\u200c]+|[^\w\s]")


def unlabelled_sentences(path: Path) -> list[list[str]]:
    """Hamshahri's articles as lists of folded words (a regex split: words with ZWNJ, punctuation)."""
    out: list[list[str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            words = [word_key(t) for t in _TOKEN.findall(line)]
            words = [w for w in words if w]
            if words:
                out.append(words)
    return out


def build_vectors(
    train: Sequence[TaggedSentence], unlabelled: Path | None, dim: int, seed: int
) -> dict[str, np.ndarray]:
    """word2vec (skip-gram, one worker, seeded) over the unlabelled text plus the training tokens."""
    from gensim.models import Word2Vec

    corpus = [[word_key(t) for t, _ in s] for s in train]
    if unlabelled is not None and unlabelled.is_file():
        corpus += unlabelled_sentences(unlabelled)
    model = Word2Vec(
        corpus, vector_size=dim, window=5, min_count=3, sg=1, negative=5, epochs=5, workers=1, seed=seed
    )
    return {w: model.wv[w] for w in model.wv.index_to_key}


def choose_vocab(train: Sequence[TaggedSentence], vectors: dict[str, np.ndarray], limit: int) -> list[str]:
    """Words given a vector: training words first (by count), then the unlabelled text's, up to ``limit``.

    Index 0 is padding and 1 the unknown word.
    """
    counts = Counter(word_key(t) for s in train for t, _ in s)
    ordered = [w for w, _ in counts.most_common() if w in vectors]
    chosen = set(ordered)
    # Word2vec's own order is by frequency in its corpus.
    ordered += [w for w in vectors if w not in chosen]
    return ["<pad>", "<unk>"] + ordered[: limit - 2]


def choose_chars(train: Sequence[TaggedSentence], min_count: int = 3) -> list[str]:
    """Characters of the folded training words seen ``min_count`` times; 0 pad, 1 unknown."""
    counts = Counter(ch for s in train for t, _ in s for ch in word_key(t) or t)
    return ["<pad>", "<unk>"] + sorted(c for c, n in counts.items() if n >= min_count)


# ----------------------------------------------------------------------------- model


def build_model(
    settings: Settings, n_words: int, n_chars: int, vectors: np.ndarray | None, feature_sizes: Sequence[int] = ()
) -> torch.nn.Module:
    """The network that maps ``(words, chars, reverse[, features])`` to per-token label scores (emissions)."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    def shifted(x: torch.Tensor, d: int) -> torch.Tensor:
        # [N, L, D] → [N, L, 3D]: each position beside the ones ``d`` before and after it (zeros past
        # the edges). A width-3 convolution is then one MatMul, which onnxruntime runs far faster
        # than its Conv on short sequences.
        length = x.shape[1]
        before = F.pad(x, (0, 0, d, 0))[:, :length]
        after = F.pad(x, (0, 0, 0, d))[:, d:]
        return torch.cat([before, x, after], dim=2)

    class Emitter(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding(n_words, settings.word_dim, padding_idx=0)
            if vectors is not None:
                self.words.weight.data.copy_(torch.from_numpy(vectors))
            self.words.weight.requires_grad = settings.tune_words
            self.chars = nn.Embedding(n_chars, settings.char_dim, padding_idx=0)
            self.char_conv = nn.Linear(3 * settings.char_dim, settings.char_filters)
            self.features = nn.ModuleList(nn.Embedding(n, settings.feature_dim, padding_idx=0) for n in feature_sizes)
            width = settings.word_dim + settings.char_filters + settings.feature_dim * len(feature_sizes)
            self.drop = nn.Dropout(settings.dropout)
            if settings.encoder == "lstm":
                self.forward_lstm = nn.LSTM(width, settings.hidden, batch_first=True)
                self.backward_lstm = nn.LSTM(width, settings.hidden, batch_first=True)
                self.out = nn.Linear(2 * settings.hidden, len(LABELS))
            else:
                sizes = [width] + [settings.hidden] * len(DILATIONS)
                self.layers = nn.ModuleList(nn.Linear(3 * a, b) for a, b in itertools.pairwise(sizes))
                self.out = nn.Linear(settings.hidden, len(LABELS))

        def embed_words(self, words: torch.Tensor) -> torch.Tensor:
            return self.words(words)

        def forward(
            self, words: torch.Tensor, chars: torch.Tensor, reverse: torch.Tensor, features: torch.Tensor | None = None
        ) -> torch.Tensor:
            # words [B, T]; chars [B, T, C]; reverse [B, T]: each sentence's positions reversed
            # within its length (padding stays in place), so both LSTMs see padding only at the end;
            # the CNN zeroes padding after every layer. Either way a sentence's scores do not depend
            # on what it was batched with.
            b, t, c = chars.shape
            flat = chars.reshape(b * t, c)
            conv = self.char_conv(shifted(self.chars(flat), 1))  # [B*T, C, F]
            conv = conv.masked_fill((flat == 0).unsqueeze(2), -1e4)
            char_vec = torch.relu(conv.max(dim=1).values).reshape(b, t, -1)
            parts = [self.embed_words(words), char_vec]
            if features is not None:
                parts += [table(features[:, :, k]) for k, table in enumerate(self.features)]
            x = self.drop(torch.cat(parts, dim=2))
            if settings.encoder == "lstm":
                ahead, _ = self.forward_lstm(x)
                index = reverse.unsqueeze(2)
                back, _ = self.backward_lstm(x.gather(1, index.expand(-1, -1, x.shape[2])))
                back = back.gather(1, index.expand(-1, -1, back.shape[2]))
                return self.out(self.drop(torch.cat([ahead, back], dim=2)))  # type: ignore[no-any-return]
            mask = (words != 0).unsqueeze(2).to(x.dtype)
            h = x
            for k, (layer, d) in enumerate(zip(self.layers, DILATIONS)):
                step = torch.relu(layer(shifted(h, d))) * mask
                h = step if k == 0 else h + step  # residual from the second layer on
            return self.out(self.drop(h))  # type: ignore[no-any-return]

    return Emitter()


class Crf:
    """Linear-chain CRF parameters and loss over the emitter's scores; illegal IOB moves are masked."""

    def __init__(self) -> None:
        import torch

        k = len(LABELS)
        self.transitions = torch.nn.Parameter(torch.zeros(k, k))
        self.start = torch.nn.Parameter(torch.zeros(k))
        self.end = torch.nn.Parameter(torch.zeros(k))
        allowed, start_ok = allowed_transitions()
        self.penalty = torch.from_numpy(np.where(allowed, 0.0, -1e4).astype(np.float32))
        self.start_penalty = torch.from_numpy(np.where(start_ok, 0.0, -1e4).astype(np.float32))

    def parameters(self) -> list[torch.nn.Parameter]:
        return [self.transitions, self.start, self.end]

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Transitions, start and end scores with the IOB constraints folded in."""
        return (
            (self.transitions + self.penalty).detach().numpy().copy(),
            (self.start + self.start_penalty).detach().numpy().copy(),
            self.end.detach().numpy().copy(),
        )

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood of the gold ``tags`` ([B, T]; ``mask`` marks real tokens)."""
        import torch

        trans = self.transitions + self.penalty
        start = self.start + self.start_penalty
        maskf = mask.float()
        lengths = mask.sum(1)
        gold = start[tags[:, 0]] + emissions.gather(2, tags.unsqueeze(2)).squeeze(2).mul(maskf).sum(1)
        gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * maskf[:, 1:]).sum(1)
        gold = gold + self.end[tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)]
        alpha = start.unsqueeze(0) + emissions[:, 0]
        for t in range(1, emissions.shape[1]):
            step = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + emissions[:, t]
            alpha = torch.where(mask[:, t].unsqueeze(1), step, alpha)
        log_z = torch.logsumexp(alpha + self.end.unsqueeze(0), dim=1)
        return (log_z - gold).sum()


# ----------------------------------------------------------------------------- batches


@dataclass
class Tables:
    """What maps tokens to the network's inputs: word and character lists, feature value lists."""

    vocab: list[str]
    chars: list[str]
    features: list[list[str]] | None = None
    first_names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._words = {w: i for i, w in enumerate(self.vocab)}
        self._chars = {c: i for i, c in enumerate(self.chars)}
        self._features = [{v: i for i, v in enumerate(t)} for t in self.features] if self.features else None

    def encode(self, tokens: Sequence[str]) -> Encoded:
        feats = None
        if self._features is not None:
            feats = feature_ids(feature_strings(tokens, self.first_names), self._features)
        return Encoded(
            [self._words.get(word_key(t), 1) for t in tokens], [char_ids(t, self._chars) for t in tokens], feats
        )


@dataclass
class Encoded:
    """One sentence as indices: words, per-word character ids, feature ids, gold label ids."""

    words: list[int]
    chars: list[list[int]]
    features: list[list[int]] | None
    labels: list[int] | None = None


def feature_tables(sentences: Sequence[TaggedSentence], first_names: frozenset[str]) -> list[list[str]]:
    """Per ``FEATURE_COLUMNS`` column, the values the training split shows (0 pad, 1 unseen)."""
    seen: list[Counter[str]] = [Counter() for _ in FEATURE_COLUMNS]
    for s in sentences:
        for row in feature_strings([t for t, _ in s], first_names):
            for counter, value in zip(seen, row):
                counter[value] += 1
    return [["<pad>", "<unk>"] + sorted(v for v, n in c.items() if n >= 3) for c in seen]


def to_tensors(batch: Sequence[Encoded]) -> dict[str, torch.Tensor]:
    import torch

    from reader.core.ner.neural import pad_batch

    words, chars, reverse, mask = pad_batch([e.words for e in batch], [e.chars for e in batch])
    out = {"words": words, "chars": chars, "reverse": reverse, "mask": mask}
    if batch[0].features is not None:
        out["features"] = pad_features([e.features or [] for e in batch], len(FEATURE_COLUMNS))
    if batch[0].labels is not None:
        labels = np.zeros(words.shape, dtype=np.int64)
        for i, e in enumerate(batch):
            labels[i, : len(e.labels or [])] = e.labels
        out["labels"] = labels
    return {k: torch.from_numpy(v) for k, v in out.items()}


def batches(data: Sequence[Encoded], size: int, rng: random.Random) -> list[list[Encoded]]:
    """Batches of sentences of similar length (little padding), in a seeded random order."""
    order = sorted(range(len(data)), key=lambda i: (len(data[i].words), rng.random()))
    out = [[data[i] for i in order[k : k + size]] for k in range(0, len(order), size)]
    rng.shuffle(out)
    return out


# ----------------------------------------------------------------------------- training


@dataclass
class Trained:
    """A trained model in memory: the emitter, CRF arrays and the tables the runtime needs."""

    emitter: Any
    transitions: np.ndarray
    start: np.ndarray
    end: np.ndarray
    tables: Tables
    settings: Settings


def train(
    sentences: Sequence[TaggedSentence],
    devs: dict[str, list[TaggedSentence]],
    settings: Settings,
    vectors: dict[str, np.ndarray] | None,
    log: Any = print,
) -> Trained:
    """Train on ``sentences``; keep the epoch with the best dev figure (or the last, without dev)."""
    import torch

    torch.manual_seed(settings.seed)
    torch.set_num_threads(1)
    rng = random.Random(settings.seed)
    np_rng = np.random.default_rng(settings.seed)
    if vectors:
        vocab = choose_vocab(sentences, vectors, settings.vocab)
    else:
        counts = Counter(word_key(t) for s in sentences for t, _ in s)
        vocab = ["<pad>", "<unk>"] + [w for w, _ in counts.most_common(settings.vocab - 2)]
    table = np_rng.normal(0, 0.1, (len(vocab), settings.word_dim)).astype(np.float32)
    table[0] = 0
    if vectors:
        for i, w in enumerate(vocab[2:], start=2):
            v = vectors[w]
            table[i] = v / max(float(np.linalg.norm(v)), 1e-6)
    tables = Tables(vocab, choose_chars(sentences))
    if settings.features:
        from reader.core.ner.gazetteers import first_names

        names = first_names()
        tables = Tables(tables.vocab, tables.chars, feature_tables(sentences, names), names)
    label_index = {label: i for i, label in enumerate(LABELS)}
    data = []
    for s in sentences:
        if s:
            encoded = tables.encode([t for t, _ in s])
            encoded.labels = [label_index[g] for g in repair_iob([g for _, g in s])]
            data.append(encoded)
    dev_inputs = {name: [tables.encode([t for t, _ in s]) for s in dev] for name, dev in devs.items()}
    sizes = [len(t) for t in tables.features] if tables.features else []
    emitter = build_model(settings, len(vocab), len(tables.chars), table, sizes)
    crf = Crf()
    params = [p for p in emitter.parameters() if p.requires_grad] + crf.parameters()
    optimiser = torch.optim.Adam(params, lr=settings.lr)
    best: tuple[float, dict[str, Any], tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None
    for epoch in range(1, settings.epochs + 1):
        started = time.perf_counter()
        emitter.train()
        total = 0.0
        # Linear decay to a tenth of the rate over the run.
        for group in optimiser.param_groups:
            group["lr"] = settings.lr * (1 - 0.9 * (epoch - 1) / max(settings.epochs - 1, 1))
        for batch in batches(data, settings.batch, rng):
            inputs = to_tensors(batch)
            words, mask = inputs["words"], inputs["mask"]
            if settings.word_dropout:
                drop = torch.rand(words.shape) < settings.word_dropout
                words = torch.where(drop & mask, torch.ones_like(words), words)
            scores = emitter(words, inputs["chars"], inputs["reverse"], inputs.get("features"))
            loss = crf.nll(scores, inputs["labels"], mask)
            optimiser.zero_grad()
            (loss / len(batch)).backward()
            torch.nn.utils.clip_grad_norm_(params, settings.clip)
            optimiser.step()
            total += float(loss.detach())
        emitter.eval()
        trained = Trained(emitter, *crf.arrays(), tables, settings)
        line = f"epoch {epoch}: loss {total / len(data):.3f} ({time.perf_counter() - started:.0f} s)"
        figure = 0.0
        for name, dev in devs.items():
            predicted = decode(trained, emissions_torch(trained, dev_inputs[name]))
            report = evaluate([[g for _, g in s] for s in dev], predicted)
            f1 = report.micro(HEADLINE if name.startswith("PEYMA") else None).f1
            figure += f1
            line += f"  {name} {f1:.4f}"
        log(line)
        if best is None or figure > best[0] or not devs:
            state = {k: v.detach().clone() for k, v in emitter.state_dict().items()}
            best = (figure, state, crf.arrays())
    assert best is not None
    emitter.load_state_dict(best[1])
    emitter.eval()
    return Trained(emitter, *best[2], tables, settings)


def emissions_torch(trained: Trained, encoded: Sequence[Encoded]) -> list[np.ndarray]:
    """Per-sentence [T, K] emission arrays from the torch model (for scoring and the export check)."""
    import torch

    out: list[np.ndarray] = [np.zeros((0, len(LABELS)), np.float32)] * len(encoded)
    order = sorted((i for i, e in enumerate(encoded) if e.words), key=lambda i: len(encoded[i].words))
    with torch.no_grad():
        for k in range(0, len(order), 64):
            chunk = order[k : k + 64]
            inputs = to_tensors([encoded[i] for i in chunk])
            scores = trained.emitter(inputs["words"], inputs["chars"], inputs["reverse"], inputs.get("features"))
            for j, i in enumerate(chunk):
                out[i] = scores[j, : len(encoded[i].words)].numpy()
    return out


def decode(trained: Trained, emissions: Sequence[np.ndarray]) -> list[list[str]]:
    """IOB tags of emission arrays by the same numpy Viterbi the runtime uses."""
    from reader.core.ner.neural import viterbi

    return [
        [LABELS[j] for j in viterbi(e, trained.transitions, trained.start, trained.end)] if len(e) else []
        for e in emissions
    ]


def tag_torch(trained: Trained, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """IOB tags from the torch model."""
    return decode(trained, emissions_torch(trained, [trained.tables.encode(s) for s in sentences]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.train_neural", description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=PEYMA_TRAIN, help="PEYMA-style training file")
    parser.add_argument("--dev", type=Path, default=PEYMA_DEV)
    parser.add_argument("--nsurl", type=Path, default=NSURL, help="NSURL file (split into train and dev)")
    parser.add_argument("--no-nsurl", action="store_true", help="train on PEYMA alone")
    parser.add_argument("--nsurl-seed", type=int, default=NSURL_SEED, help="seed of NSURL's dev blocks")
    parser.add_argument("--unlabelled", type=Path, default=HAMSHAHRI, help="text for the word vectors")
    parser.add_argument("--vectors-cache", type=Path, help="reuse (or write) the word vectors here (.npz)")
    parser.add_argument("--no-vectors", action="store_true", help="randomly initialised word embeddings")
    parser.add_argument("--out", type=Path, default=Path("/tmp/ner-neural"), help="output stem (.onnx, .json)")
    parser.add_argument("--evaluate", type=Path, metavar="STEM", help="score this exported model; do not train")
    parser.add_argument("--crf", type=Path, metavar="MODEL", help="also compare and combine with this CRF model")
    defaults = Settings()
    for field_name, value in asdict(defaults).items():
        flag = "--" + field_name.replace("_", "-")
        if isinstance(value, bool):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=value)
        else:
            parser.add_argument(flag, type=type(value), default=value)
    args = parser.parse_args(argv)
    settings = Settings(**{k: getattr(args, k) for k in asdict(defaults)})

    started = time.perf_counter()
    if args.evaluate is not None:
        _, devs = load_data(args.train, args.dev, None if args.no_nsurl else args.nsurl, args.nsurl_seed)
        tagger = NeuralTagger.load(args.evaluate)
        print_reports(tagger, devs)
        if args.crf is not None:
            compare(tagger, args.crf, devs)
        return 0
    sentences, devs = load_data(args.train, args.dev, None if args.no_nsurl else args.nsurl, args.nsurl_seed)
    print(f"train: {len(sentences)} sentences, {sum(map(len, sentences))} tokens; "
          + ", ".join(f"{k}: {len(v)} sentences" for k, v in devs.items()))
    vectors: dict[str, np.ndarray] | None = None
    if not args.no_vectors:
        if args.vectors_cache is not None and args.vectors_cache.is_file():
            loaded = np.load(args.vectors_cache, allow_pickle=False)
            vectors = dict(zip(loaded["words"].tolist(), loaded["vectors"]))
        else:
            vectors = build_vectors(sentences, args.unlabelled, settings.word_dim, settings.seed)
            if args.vectors_cache is not None:
                np.savez(args.vectors_cache, words=np.array(list(vectors)), vectors=np.stack(list(vectors.values())))
        print(f"word vectors: {len(vectors)} words ({time.perf_counter() - started:.0f} s)")
    trained = train(sentences, devs, settings, vectors)
    print(f"trained in {time.perf_counter() - started:.0f} s; settings {asdict(settings)}")
    onnx_path, side_path = export(trained, args.out)
    size = onnx_path.stat().st_size + side_path.stat().st_size
    print(f"wrote {onnx_path} and {side_path} ({size / 1e6:.2f} MB)")
    tagger = NeuralTagger.load(args.out)
    print_reports(tagger, devs)
    if args.crf is not None:
        compare(tagger, args.crf, devs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
