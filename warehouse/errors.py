"""Named failures of the warehouse layer."""


class WarehouseBusy(Exception):
    """Another process holds the warehouse's write lock; wait for its run to finish and retry."""


class WarehouseMissing(Exception):
    """No warehouse file at that path yet; run `casus run` (or `make run`) first."""


class SqlModelError(Exception):
    """A SQL model or its YAML is malformed; the message names the file."""
