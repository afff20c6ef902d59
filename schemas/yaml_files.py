"""How every YAML file of the project is read: YAML 1.2 booleans, not YAML 1.1's.

PyYAML's safe loader follows YAML 1.1, where unquoted `on`, `off`, `yes`, `no`, `y` and `n` are
booleans: a preposition list `[for, on]` became `[for, True]`, and `accepted_values: [yes, no]`
would compare against booleans. This loader resolves only true and false as booleans.
"""

import re
from pathlib import Path

import yaml


class Yaml12Loader(yaml.SafeLoader):
    """A safe loader whose booleans are only true and false."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read_yaml(path: Path) -> object:
    """A YAML file read with YAML 1.2 booleans."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)  # noqa: S506 (safe)
