"""The real UI end to end: `casus ui`, a run launched over the UI's own GraphQL API, a new seed
landed by the sensor with no click, and a screenshot of the asset graph in headless Chromium."""

import os
import shutil
import subprocess
import time

import pytest

from tests.conftest import SEED_ARTICLE
from tests.ui_harness import article_count, graphql, running_ui, wait

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture
def ui(tmp_path):
    seeds, warehouse, home = tmp_path / "seeds", tmp_path / "w.duckdb", tmp_path / "dagster_home"
    seeds.mkdir()
    shutil.copy(SEED_ARTICLE, seeds / SEED_ARTICLE.name)
    with running_ui(seeds, warehouse, home, tmp_path / "ui.log") as port:
        yield {"port": port, "seeds": seeds, "warehouse": warehouse, "tmp": tmp_path}


def test_ui_runs_sensor_and_renders_the_asset_graph(ui):
    if not CHROMIUM:
        if os.environ.get("CASUS_REQUIRE_BROWSER"):
            pytest.fail("chromium is required here (CASUS_REQUIRE_BROWSER) but not installed")
        pytest.skip("chromium is not installed; .ci/run installs it")
    port = ui["port"]
    repos = graphql(port, "{ repositoriesOrError { ... on RepositoryConnection { nodes { name "
                           "location { name } } } } }")["repositoriesOrError"]["nodes"]
    assert [r["location"]["name"] for r in repos] == ["casus"]
    startup = (ui["tmp"] / "ui.log").read_text(encoding="utf-8", errors="replace")
    assert "Warning" not in startup and "WARNING" not in startup, startup[:3000]
    selector = {"repositoryName": repos[0]["name"],
                "repositoryLocationName": repos[0]["location"]["name"]}
    key = SEED_ARTICLE.stem
    graphql(port, """
        mutation($key: String!, $repo: RepositorySelector!) {
          addDynamicPartition(partitionsDefName: "articles", partitionKey: $key,
                              repositorySelector: $repo) { __typename }
        }""", {"key": key, "repo": selector})
    launched = graphql(port, """
        mutation($params: ExecutionParams!) {
          launchRun(executionParams: $params) {
            __typename
            ... on LaunchRunSuccess { run { runId } }
            ... on PythonError { message }
          }
        }""", {"params": {
            "selector": {**selector, "jobName": "casus_job"},
            "executionMetadata": {"tags": [{"key": "dagster/partition", "value": key}]},
        }})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]

    def finished():
        run = graphql(port, "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }",
                       {"id": run_id})["runOrError"]
        return run["status"] if run["status"] in {"SUCCESS", "FAILURE", "CANCELED"} else None

    assert wait(finished, 600, "the launched run to finish", every=3) == "SUCCESS"
    assert article_count(ui["warehouse"]) == 1

    def idle():  # the sensor may have launched a run for the first seed too: let it end
        runs = graphql(port, "{ runsOrError(filter: {statuses: [QUEUED, NOT_STARTED, STARTING, "
                              "STARTED]}) { ... on Runs { results { runId } } } }")
        return not runs["runsOrError"]["results"]

    wait(idle, 600, "every run to end", every=2)
    (ui["seeds"] / "new_article.txt").write_text(
        "Leaders meet in Oslo\n\nNorway hosted talks with Sweden in Oslo on Monday.",
        encoding="utf-8")
    landed = time.monotonic()
    # benchmarks/new_article_latency.py measures the seconds (11-13 s here); the bound is kept
    # loose for a shared machine, and still fails the minute the issue measured before.
    wait(lambda: article_count(ui["warehouse"]) == 2, 60, "the sensor's run to land the seed",
          every=0.5)
    print(f"new article queryable {time.monotonic() - landed:.1f} s after it landed")

    screenshot = ui["tmp"] / "asset_graph.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={ui['tmp'] / 'chromium'}", "--window-size=1400,900",
             "--virtual-time-budget=15000"]
    def dom(path: str) -> str:
        return subprocess.run([CHROMIUM, *flags, "--dump-dom", f"http://127.0.0.1:{port}{path}"],
                              capture_output=True, text=True, timeout=180).stdout

    lineage = dom("/asset-groups")
    assert "Global asset lineage" in lineage
    assert all(f">{group}<" in lineage for group in ("ingest", "extract", "marts")), lineage[-2000:]
    catalog = dom("/assets")
    assert all(name in catalog for name in ("ingest_articles", "dim_articles", "fct_events",
                                            "mart_dyad_monthly", "mart_actor_activity",
                                            "mart_event_locations", "dyad_charts"))
    subprocess.run([CHROMIUM, *flags, f"--screenshot={screenshot}",
                    f"http://127.0.0.1:{port}/asset-groups"], capture_output=True, timeout=180,
                   check=True)
    from PIL import Image

    image = Image.open(screenshot).convert("RGB")
    colours = len(set(image.resize((280, 180)).getdata()))
    assert image.size == (1400, 900) and colours > 50, colours
