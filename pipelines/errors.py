"""Named failures of the pipelines: each carries a stable reason code and a detail for people."""


class SeedError(Exception):
    """A seed record that cannot become an article; `reason` is the code stored in rejected_rows."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
