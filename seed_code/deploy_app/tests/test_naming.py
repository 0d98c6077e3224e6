"""SageMaker names stay within 63 characters and stay distinct."""
import pytest

import naming
from stage_config import STAGES

LONGEST_NAME = "a" * 31 + "b"  # SageMaker project names are at most 32 characters
LONGEST_ID = "p-" + "x" * 14


@pytest.mark.parametrize("stage", STAGES)
def test_every_name_fits_for_the_longest_project(stage):
    names = [
        naming.endpoint_name(LONGEST_NAME, LONGEST_ID, stage),
        naming.model_name(LONGEST_NAME, LONGEST_ID, stage, {"arn": "x"}),
        naming.endpoint_config_name(LONGEST_NAME, LONGEST_ID, stage, {"arn": "x"}),
    ]
    for name in names:
        assert len(name) <= 63, name
        assert naming.VALID.match(name), name


def test_the_seed_names_would_have_overflowed():
    # The seed: <name>-<id>-<yyyymmddHHMMSS> and <name>-<id>-ec-<timestamp>.
    assert len(f"{LONGEST_NAME}-{LONGEST_ID}-20240101120000") > 63
    assert len(f"{LONGEST_NAME}-{LONGEST_ID}-ec-20240101120000") > 63


def test_short_names_are_kept_readable():
    assert naming.endpoint_name("churn", "p-abc123", "prod") == "churn-p-abc123-prod"
    model = naming.model_name("churn", "p-abc123", "prod", {"arn": "x"})
    assert model.startswith("churn-p-abc123-prod-") and len(model) == len("churn-p-abc123-prod-") + 10
    assert naming.endpoint_config_name("churn", "p-abc123", "prod", {"arn": "x"}).startswith("churn-p-abc123-prod-ec-")


def test_long_projects_with_a_common_prefix_get_different_names():
    first = naming.endpoint_config_name(LONGEST_NAME, LONGEST_ID, "preprod", {"arn": "x"})
    other = naming.endpoint_config_name(LONGEST_NAME[:-1] + "c", LONGEST_ID, "preprod", {"arn": "x"})
    assert first != other
    assert first.endswith(other[-13:]), "the settings digest is kept whole at the end"


def test_names_follow_the_settings_and_nothing_else():
    assert naming.model_name("p", "i", "dev", {"a": 1, "b": 2}) == naming.model_name("p", "i", "dev", {"b": 2, "a": 1})
    assert naming.model_name("p", "i", "dev", {"a": 1}) != naming.model_name("p", "i", "dev", {"a": 2})


@pytest.mark.parametrize("base, suffix, expected", [
    ("my_project.v2", None, "my-project-v2"),
    ("-edge-", "x", "edge-x"),
])
def test_fit_cleans_characters_sagemaker_refuses(base, suffix, expected):
    assert naming.fit(base, suffix) == expected


def test_fit_refuses_an_empty_base():
    with pytest.raises(ValueError):
        naming.fit("___")
