"""Document consistency: a name tagged once is tagged wherever else it stands bare."""

from __future__ import annotations

from reader.core.ner.consistency import correct, propagate
from reader.core.ner.features import Lexicon


def test_a_tagged_name_spreads_to_its_bare_mentions() -> None:
    sentences = [["آقای", "دارسی", "آمد"], ["دارسی", "رفت"]]
    tags = [["O", "B-PER", "O"], ["O", "O"]]
    assert propagate(sentences, tags, None) == [["O", "B-PER", "O"], ["B-PER", "O"]]


def test_surname_of_a_full_name_spreads_and_spelling_variants_match() -> None:
    sentences = [["ویلیام", "ناکس", "دارسی", "آمد"], ["دارسي", "رفت"]]
    tags = [["B-PER", "I-PER", "I-PER", "O"], ["O", "O"]]
    assert propagate(sentences, tags, None)[1] == ["B-PER", "O"]


def test_existing_tags_and_neighbouring_chunks_are_kept() -> None:
    sentences = [["سازمان", "ملل", "گفت"], ["ملل", "متحد"], ["شورای", "سازمان", "ملل"]]
    tags = [["B-ORG", "I-ORG", "O"], ["O", "O"], ["B-ORG", "I-ORG", "I-ORG"]]
    out = propagate(sentences, tags, None)
    assert out[0] == ["B-ORG", "I-ORG", "O"]
    assert out[2] == ["B-ORG", "I-ORG", "I-ORG"]


def test_majority_type_wins_and_input_is_not_modified() -> None:
    sentences = [["ژاکلین"], ["ژاکلین"], ["ژاکلین"], ["ژاکلین"]]
    tags = [["B-PER"], ["B-PER"], ["B-ORG"], ["O"]]
    out = propagate(sentences, tags, None)
    assert out[3] == ["B-PER"]
    assert tags[3] == ["O"]


def test_short_and_non_alphabetic_words_do_not_spread() -> None:
    sentences = [["۱۲", "اب"], ["۱۲", "اب"]]
    tags = [["B-PER", "B-LOC"], ["O", "O"]]
    assert propagate(sentences, tags, None)[1] == ["O", "O"]


def test_a_clipped_organisation_is_widened_to_its_full_name() -> None:
    sentences = [["وزارت", "امور", "خارجه", "گفت"], ["وزارت", "امور", "خارجه", "افزود"]]
    tags = [["B-ORG", "I-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]]
    assert propagate(sentences, tags, None)[1] == ["B-ORG", "I-ORG", "I-ORG", "O"]


def test_widening_does_not_cut_a_longer_chunk_or_another_type() -> None:
    sentences = [["بانک", "ملی", "گفت"], ["بانک", "ملی", "ایران"], ["بانک", "ملی"]]
    tags = [["B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG"], ["O", "B-LOC"]]
    out = propagate(sentences, tags, None)
    assert out[1] == ["O", "B-ORG", "I-ORG"]
    assert out[2] == ["O", "B-LOC"]


def _lexicon_of_common(*words: str) -> Lexicon:
    """A lexicon in which ``words`` are frequent words (band 7), so not rare."""
    return Lexicon(dict.fromkeys(words, ("N", 7)))


def test_a_common_word_that_is_a_first_name_spreads_once_tagged_a_person() -> None:
    lexicon = _lexicon_of_common("فاطمه", "امید")
    sentences = [["فاطمه", "گفت"], ["به", "فاطمه", "رفت"], ["امید", "گفت"], ["امید", "داشت"]]
    tags = [["B-PER", "O"], ["O", "O", "O"], ["B-ORG", "O"], ["O", "O"]]
    out = propagate(sentences, tags, lexicon, frozenset({"فاطمه", "امید"}))
    assert out[1] == ["O", "B-PER", "O"]
    # Only a person spreads on the strength of a first name; without the list, nothing does.
    assert out[3] == ["O", "O"]
    assert propagate(sentences, tags, lexicon)[1] == ["O", "O", "O"]


def test_the_first_name_of_a_full_name_spreads_alone() -> None:
    lexicon = _lexicon_of_common("وحید", "رفت")
    sentences = [["وحید", "شمسایی", "گفت"], ["با", "وحید", "رفت"]]
    tags = [["B-PER", "I-PER", "O"], ["O", "O", "O"]]
    assert propagate(sentences, tags, lexicon, frozenset({"وحید"}))[1] == ["O", "B-PER", "O"]
    assert propagate(sentences, tags, lexicon)[1] == ["O", "O", "O"]


def test_a_person_named_like_a_country_is_the_country() -> None:
    keys = ["تیم", "کوبا", "و", "کره", "جنوبی", "و", "کوبایی"]
    tags = ["O", "B-PER", "O", "B-PER", "I-PER", "O", "B-PER"]
    assert correct(keys, tags) == ["O", "B-LOC", "O", "B-LOC", "I-LOC", "O", "B-PER"]
    sentences = [["کوبا", "برد"], ["کوبا", "باخت"]]
    assert propagate(sentences, [["B-PER", "O"], ["O", "O"]], None) == [["B-LOC", "O"], ["B-LOC", "O"]]


def test_an_office_after_a_title_is_a_role_and_its_country_a_place() -> None:
    from reader.core.ner.consistency import office_roles
    from reader.core.ner.features import feature_key

    def run(words: str, tags: str) -> list[str]:
        return office_roles([feature_key(w) for w in words.split()], tags.split())

    assert run("وزیر خارجه آمریکا گفت", "O B-ORG I-ORG O") == ["O", "O", "B-LOC", "O"]
    assert run("وزیر امور خارجه ژاپن", "O B-ORG I-ORG I-ORG") == ["O", "O", "O", "B-LOC"]
    assert run("وزیر امور خارجه کشورمان", "O B-ORG I-ORG I-ORG") == ["O", "O", "O", "O"]
    assert run("وزیر دفاع و پشتیبانی", "O B-ORG I-ORG I-ORG") == ["O", "O", "O", "O"]
    # The ministry itself, and an organisation after a title, stay organisations.
    assert run("سخنگوی وزارت امور خارجه ژاپن", "O B-ORG I-ORG I-ORG I-ORG") == ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    assert run("رئیس سازمان ملل", "O B-ORG I-ORG") == ["O", "B-ORG", "I-ORG"]
    assert run("وزارت امور خارجه", "B-ORG I-ORG I-ORG") == ["B-ORG", "I-ORG", "I-ORG"]


def test_the_document_pass_applies_the_office_rule_unless_told_not_to() -> None:
    sentences = [["وزیر", "خارجه", "آمریکا", "آمد"]]
    tags = [["O", "B-ORG", "I-ORG", "O"]]
    assert propagate(sentences, tags, None) == [["O", "O", "B-LOC", "O"]]
    assert propagate(sentences, tags, None, offices=False) == tags


def test_a_person_does_not_start_with_a_preposition() -> None:
    from reader.core.ner.features import feature_key, hazm_lexicon

    keys = [feature_key(w) for w in ["با", "قطار", "وارد", "ولادیوستوک", "شد"]]
    tags = ["O", "O", "B-PER", "I-PER", "O"]
    # «وارد» is a preposition in hazm's lexicon; what is left is a CLDR city, so a place.
    assert correct(keys, tags, hazm_lexicon()) == ["O", "O", "O", "B-LOC", "O"]
    assert correct(keys, tags) == tags
