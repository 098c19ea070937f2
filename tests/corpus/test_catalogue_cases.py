"""Every control in controls/ with test cases behaves as its cases say on moto; most controls have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.check import load_features
from bot.cli.test import moto_sandbox
from bot.inputs.control_tests import SUFFIX, load_control_tests
from bot.runner.cases import run_control_tests
from tests.paths import REPO

CONTROLS = REPO / "controls"
FEATURES = sorted(CONTROLS.rglob("*.feature"))
TESTED = [f for f in FEATURES if f.with_name(f.stem + SUFFIX).is_file()]
MIN_TESTED_SHARE = 0.7


@pytest.mark.parametrize("feature", TESTED, ids=[f.stem for f in TESTED])
def test_the_control_gives_the_statuses_its_cases_expect(feature: Path) -> None:
    tests = load_control_tests(feature.with_name(feature.stem + SUFFIX))
    controls, broken = load_features([feature])
    assert not broken
    result = run_control_tests(controls[0], tests, moto_sandbox())
    if result.status == "SKIP":
        pytest.skip(f"moto gap: {result.reason}")
    assert result.status == "PASS", [(c.case, c.problems) for c in result.cases if c.problems]


def test_most_controls_have_test_cases_that_run() -> None:
    running = [f for f in TESTED if load_control_tests(f.with_name(f.stem + SUFFIX)).skip is None]
    assert len(running) >= MIN_TESTED_SHARE * len(FEATURES), f"{len(running)} of {len(FEATURES)} have cases"
