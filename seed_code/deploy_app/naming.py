"""SageMaker resource names that always fit: at most 63 characters, `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`.

The seed named models `<group>-<yyyymmddHHMMSS>` and endpoint configs `<group>-ec-<timestamp>`, where the group is
`<project name>-<project id>`. With a 32-character project name those names run past 63 characters. The names are
also different on every build, so every build replaced the endpoint's model. Here a name is
`<project>-<id>-<stage>[-<kind>][-<digest>]`. An over-long base is shortened and gets a hash of the full base, so two
long projects sharing a prefix still get different names. The digest is taken from the resource's settings, so
rendering the same inputs twice gives the same names. CloudFormation then changes nothing. When the inputs change,
the digest changes too, and a replaced resource never reuses its old name.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Optional

MAX_LENGTH = 63
VALID = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")


def digest(value: Any, length: int = 10) -> str:
    """A short, stable hash of any JSON-ready value."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def clean(text: str) -> str:
    """Only letters, digits and hyphens, no hyphen at either end."""
    return re.sub(r"[^a-zA-Z0-9-]+", "-", text).strip("-")


def fit(base: str, suffix: Optional[str] = None, limit: int = MAX_LENGTH) -> str:
    """`<base>-<suffix>` within `limit`. The suffix is kept whole; the base is shortened and hashed if needed."""
    base, tail = clean(base), clean(suffix or "")
    if not base:
        raise ValueError("a SageMaker name needs a non-empty base of letters or digits")
    room = limit - (len(tail) + 1 if tail else 0)
    if len(base) > room:
        marker = digest(base, 8)
        base = f"{base[:room - len(marker) - 1].rstrip('-')}-{marker}"
    name = f"{base}-{tail}" if tail else base
    if len(name) > limit or not VALID.match(name):
        raise ValueError(f"cannot make a valid SageMaker name from '{base}' and '{tail}' within {limit} characters")
    return name


def resource_base(project_name: str, project_id: str, stage: str) -> str:
    return f"{project_name}-{project_id}-{stage}"


def endpoint_name(project_name: str, project_id: str, stage: str) -> str:
    """Stable across deployments: clients call the endpoint by this name."""
    return fit(resource_base(project_name, project_id, stage))


def model_name(project_name: str, project_id: str, stage: str, settings: Any) -> str:
    return fit(resource_base(project_name, project_id, stage), digest(settings))


def endpoint_config_name(project_name: str, project_id: str, stage: str, settings: Any) -> str:
    return fit(resource_base(project_name, project_id, stage), f"ec-{digest(settings)}")
