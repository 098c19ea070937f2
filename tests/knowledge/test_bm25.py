"""The array-built BM25 index scores exactly as bm25s's own build does."""

from __future__ import annotations

import random

import bm25s
import numpy as np
import pytest

from bot.knowledge.bm25 import BM25


def _corpus(seed: int, n_docs: int, n_vocab: int) -> list[list[int]]:
    rng = random.Random(seed)
    docs = [[rng.randrange(n_vocab) for _ in range(rng.randrange(0, 40))] for _ in range(n_docs)]
    docs[0] = [n_vocab - 1] * 5  # one term repeated: term frequency above one
    return docs


def _build(engine: bm25s.BM25, corpus: list[list[int]], n_vocab: int) -> bm25s.BM25:
    engine.index((corpus, {f"t{i}": i for i in range(n_vocab)}), show_progress=False)
    return engine


@pytest.mark.parametrize("method", ["lucene", "robertson", "atire", "bm25l", "bm25+"])
@pytest.mark.parametrize("seed", [1, 2])
def test_same_index_and_scores_as_the_stock_build(method: str, seed: int) -> None:
    n_vocab = 300
    corpus = _corpus(seed, 500, n_vocab)
    ours = _build(BM25(method=method), corpus, n_vocab)
    stock = _build(bm25s.BM25(method=method), corpus, n_vocab)
    for key in ("indices", "indptr"):
        np.testing.assert_array_equal(ours.scores[key], stock.scores[key])
    np.testing.assert_allclose(ours.scores["data"], stock.scores["data"], rtol=1e-6)
    for token in (0, 7, n_vocab - 1):
        np.testing.assert_allclose(ours.get_scores_from_ids([token]), stock.get_scores_from_ids([token]), rtol=1e-6)


def test_a_term_in_every_document_and_one_in_none() -> None:
    corpus = [[0, 1], [0], [0, 2, 2]]
    ours = _build(BM25(), corpus, 4)  # token 3 occurs nowhere
    stock = _build(bm25s.BM25(), corpus, 4)
    np.testing.assert_allclose(ours.get_scores_from_ids([0, 2, 3]), stock.get_scores_from_ids([0, 2, 3]), rtol=1e-6)
    assert ours.get_scores_from_ids([3]).tolist() == [0.0, 0.0, 0.0]
    assert ours.get_scores_from_ids([2]).argmax() == 2
