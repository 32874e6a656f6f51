"""The neural tagger: numpy Viterbi against brute force, and the training → ONNX → runtime round trip."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from reader.core.ner.corpus import read_tagged
from reader.core.ner.neural import (
    LABELS,
    NeuralTagger,
    allowed_transitions,
    char_ids,
    pad_batch,
    repair_iob,
    viterbi,
    viterbi_batch,
    word_key,
)

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "ner" / "tiny.txt"


def _brute_force(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    k = len(start)
    best: tuple[float, list[int]] | None = None
    for path in itertools.product(range(k), repeat=len(emissions)):
        score = start[path[0]] + end[path[-1]] + sum(emissions[t, y] for t, y in enumerate(path))
        score += sum(transitions[a, b] for a, b in itertools.pairwise(path))
        if best is None or score > best[0]:
            best = (float(score), list(path))
    assert best is not None
    return best[1]


def test_viterbi_matches_brute_force_on_tiny_inputs() -> None:
    rng = np.random.default_rng(0)
    for _ in range(60):
        k = int(rng.integers(2, 5))
        n = int(rng.integers(1, 6))
        emissions = rng.normal(size=(n, k))
        transitions = rng.normal(size=(k, k))
        start, end = rng.normal(size=k), rng.normal(size=k)
        assert viterbi(emissions, transitions, start, end) == _brute_force(emissions, transitions, start, end)


def test_batched_viterbi_equals_one_sentence_at_a_time() -> None:
    rng = np.random.default_rng(1)
    k = 5
    transitions = rng.normal(size=(k, k))
    start, end = rng.normal(size=k), rng.normal(size=k)
    lengths = np.array([1, 4, 2, 7, 7, 3])
    emissions = rng.normal(size=(len(lengths), 7, k))
    paths = viterbi_batch(emissions, lengths, transitions, start, end)
    for i, n in enumerate(lengths):
        assert paths[i] == viterbi(emissions[i, :n], transitions, start, end)
        assert paths[i] == _brute_force(emissions[i, :n], transitions, start, end)


def test_iob_constraints_and_repair() -> None:
    allowed, start_ok = allowed_transitions()
    index = {label: i for i, label in enumerate(LABELS)}
    assert allowed[index["B-PER"], index["I-PER"]] and allowed[index["I-PER"], index["I-PER"]]
    assert not allowed[index["O"], index["I-PER"]] and not allowed[index["B-LOC"], index["I-PER"]]
    assert allowed[index["I-PER"], index["B-PER"]] and allowed[index["O"], index["B-ORG"]]
    assert not start_ok[index["I-ORG"]] and start_ok[index["B-ORG"]] and start_ok[index["O"]]
    assert repair_iob(["I-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-ORG", "B-LOC",
    ]


def test_words_and_characters_are_looked_up_on_the_spelling_fold() -> None:
    # Arabic letters, a ZWNJ, a space (PEYMA's spelling) and Persian digits all fold alike.
    assert word_key("روش های") == word_key("روش‌های") == word_key("روشهاي")
    assert word_key("۱۳۹۸") == word_key("2021") == "0000"
    index = {"ر": 2, "و": 3}
    assert char_ids("رو", index) == [2, 3]
    assert char_ids("روز", index) == [2, 3, 1]  # an unseen character is "unknown"
    assert len(char_ids("ب" * 50, index)) == 20
    # A token that folds to nothing still gives the character CNN something to read.
    assert char_ids("\u200c", index) == [1]


def test_pad_batch_reverses_within_each_length() -> None:
    words, chars, reverse, mask = pad_batch([[5, 6, 7], [8]], [[[1], [2, 3], [4]], [[5]]])
    assert words.tolist() == [[5, 6, 7], [8, 0, 0]]
    assert reverse.tolist() == [[2, 1, 0], [0, 1, 2]]
    assert mask.tolist() == [[True, True, True], [True, False, False]]
    assert chars.shape == (2, 3, 2) and chars[0, 1].tolist() == [2, 3]


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    with pytest.raises(FileNotFoundError):
        NeuralTagger.load(tmp_path / "absent")


def test_training_command_round_trips_through_onnx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from reader.core.ner import train_neural

    out = tmp_path / "tiny"
    argv = [
        "--train", str(FIXTURE), "--dev", str(tmp_path / "no-dev.txt"), "--no-nsurl", "--no-vectors",
        "--epochs", "3", "--hidden", "8", "--char-filters", "8", "--out", str(out),
    ]
    assert train_neural.main(argv) == 0
    assert out.with_suffix(".onnx").is_file() and out.with_suffix(".json").is_file()
    assert "wrote" in capsys.readouterr().out
    tags = NeuralTagger.load(out).tag([["حسن", "روحانی", "گفت"]])
    assert len(tags[0]) == 3 and all(t in LABELS for t in tags[0])


@pytest.mark.parametrize("features", [False, True])
def test_runtime_labels_equal_torch_labels(tmp_path: Path, features: bool) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from reader.core.ner import train_neural

    corpus = read_tagged(FIXTURE)
    settings = train_neural.Settings(hidden=8, char_filters=8, epochs=60, lr=0.02, batch=4, features=features)
    trained = train_neural.train(corpus * 3, {}, settings, None, log=lambda *_: None)
    train_neural.export(trained, tmp_path / "tiny")
    runtime = NeuralTagger.load(tmp_path / "tiny")
    sentences = [[tok for tok, _ in s] for s in corpus]
    torch_emissions = train_neural.emissions_torch(trained, [trained.tables.encode(s) for s in sentences])
    for a, b in zip(torch_emissions, runtime.emissions(sentences)):
        assert np.allclose(a, b, atol=1e-4)
    tags = runtime.tag(sentences)
    assert tags == train_neural.tag_torch(trained, sentences)
    # A model fit on its own training data gives that data back.
    assert tags == [[tag for _, tag in s] for s in corpus]
    # A sentence's tags do not depend on what it is batched with; empty sentences stay empty.
    alone = [runtime.tag([s])[0] for s in sentences]
    assert alone == tags
    assert runtime.tag([[], sentences[0], []]) == [[], tags[0], []]
