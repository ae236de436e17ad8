"""The skills diagnostic from Python: the example answers of the repository, the JSON forms,
and answers that do not fit."""

from __future__ import annotations

import json
from typing import Any, Dict

import pytest

import inclusion
from conftest import REPO


def example(name: str) -> Dict[str, Any]:
    with open(REPO / "examples" / name, encoding="utf-8") as f:
        data: Dict[str, Any] = json.load(f)
    return data


def test_no_skills_and_urgent_is_helped_on_their_behalf() -> None:
    a = inclusion.assess(example("skills-no-skills-urgent.json"))
    outcome = a["outcome"]
    assert outcome["dsi"]["class"] == "none"
    assert outcome["recommendation"]["accompaniment"] == "on_behalf"
    assert {"illiteracy", "learning_path"} <= set(outcome["recommendation"]["flags"])
    assert outcome["needs"]["services"] == ["Aide aux démarches administratives"]
    # The answers alone give the same assessment as the full form.
    alone = inclusion.assess(example("skills-no-skills-urgent.json")["answers"])
    assert alone == a


def test_confident_person_needing_equipment() -> None:
    a = inclusion.assess(example("skills-confident-needs-equipment.json"))
    assert a["outcome"]["dsi"]["class"] == "above_basic"
    assert a["outcome"]["recommendation"]["accompaniment"] == "autonomous"
    assert a["outcome"]["needs"]["services"] == ["Accès internet et matériel informatique"]
    assert a["explanation"]["dsi"]


def test_questionnaire_and_eurostat_mode() -> None:
    q = inclusion.questionnaire()
    assert (q["id"], q["version"]) == ("diagnostic-numerique", "1.0.0")
    assert len(q["items"]) == 30
    result = inclusion.eurostat_assess(example("skills-eurostat.json"))["result"]
    assert result == {
        "areas": {
            "information": "above_basic",
            "communication": "above_basic",
            "content_creation": "basic",
            "safety": "basic",
            "problem_solving": "above_basic",
        },
        "class": "basic",
    }


def test_answers_that_do_not_fit_list_every_problem() -> None:
    answers = dict(example("skills-no-skills-urgent.json")["answers"])
    answers["IL1"] = "perhaps"
    answers["XX9"] = "yes"
    del answers["internet_3m"]
    with pytest.raises(inclusion.AnswersError) as info:
        inclusion.assess(answers)
    message = str(info.value)
    assert "IL1" in message and "XX9" in message and "internet_3m" in message
    assert isinstance(info.value, ValueError)
    with pytest.raises(inclusion.AnswersError, match="documented form"):
        inclusion.eurostat_assess({"used_internet_3m": "maybe"})
    with pytest.raises(inclusion.AnswersError, match="IUXX"):
        inclusion.eurostat_assess({"used_internet_3m": True, "activities": {"IUXX": True}})
    with pytest.raises(TypeError, match="dict"):
        inclusion.assess(["not", "a", "dict"])  # type: ignore[arg-type]
