"""Persian named-entity recognition: a CRF trained on PEYMA through hazm's SequenceTagger.

``NerTagger`` (in ``tagger``) is the runtime API; ``train`` rebuilds the shipped
model; ``scoring`` is the strict CoNLL entity-level scorer used to measure it.
"""
