import json

import pytest

from orchestration.cli import build_parser, main


def test_every_option_is_documented(capsys):
    parser = build_parser()
    for command in ("run", "ui", "query"):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        out = capsys.readouterr().out
        for action in parser._subparsers._group_actions[0].choices[command]._actions:
            for option in action.option_strings:
                assert option in out
            assert action.help, action.dest


@pytest.mark.slow
def test_run_then_query(seeded, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    warehouse = tmp_path / "w.duckdb"
    assert main(["run", "--seeds", str(seeded), "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert "casus run: 2 articles" in out and "2 rejected rows" in out and str(warehouse) in out
    assert main(["query", "select article_id, source_name from dim_articles order by 1",
                 "--warehouse", str(warehouse), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"article_id": "000_a96da92cb1034342", "source_name": "Bloomberg"}
    assert main(["query", "select count(*) as n from dim_articles", "--warehouse",
                 str(warehouse), "--csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "2"]


@pytest.mark.slow
def test_query_is_read_only(seeded, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    warehouse = tmp_path / "w.duckdb"
    main(["run", "--seeds", str(seeded), "--warehouse", str(warehouse)])
    capsys.readouterr()
    assert main(["query", "delete from raw.articles", "--warehouse", str(warehouse)]) == 1
    assert "read-only" in capsys.readouterr().err.lower()


def test_query_without_warehouse_says_what_to_do(tmp_path, capsys):
    assert main(["query", "select 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "casus run" in capsys.readouterr().err


def test_run_on_missing_folder_fails_clearly(tmp_path, capsys):
    assert main(["run", "--seeds", str(tmp_path / "nope"), "--warehouse",
                 str(tmp_path / "w.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.slow
def test_a_run_with_nothing_to_do_returns_at_once_and_any_change_runs_again(
        seeds_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    (seeds_dir / "a.txt").write_text("Talks\n\nKenya hosted Uganda in Nairobi.", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    run = ["run", "--seeds", str(seeds_dir), "--warehouse", str(warehouse)]
    assert main(run) == 0
    first = capsys.readouterr().out
    stamp = warehouse.stat().st_mtime_ns
    assert main(run) == 0
    second = capsys.readouterr().out
    assert "nothing changed since the last run" in second and "1 articles" in second
    assert warehouse.stat().st_mtime_ns == stamp  # not opened for writing
    assert "nothing changed" not in first

    (seeds_dir / "b.txt").write_text("More\n\nChile hosted Peru in Lima.", encoding="utf-8")
    assert main(run) == 0
    assert "casus run: 2 articles" in capsys.readouterr().out
    assert main([*run, "--full-refresh"]) == 0  # asked to redo: it does
    assert "nothing changed" not in capsys.readouterr().out


def test_the_last_run_is_stale_when_the_code_or_the_snapshot_changed(tmp_path, monkeypatch):
    import os

    from orchestration import last_run

    seeds, warehouse = tmp_path / "seeds", tmp_path / "w.duckdb"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A\n\nText.", encoding="utf-8")
    warehouse.write_bytes(b"w")
    snapshot = tmp_path / "w.read.duckdb"
    snapshot.write_bytes(b"s")
    last_run.record(seeds, warehouse, {"articles": 1})
    assert last_run.unchanged_counts(seeds, warehouse) == {"articles": 1}
    monkeypatch.setattr(last_run, "code_fingerprint", lambda: "another version of casus")
    assert last_run.unchanged_counts(seeds, warehouse) is None
    monkeypatch.undo()
    os.utime(snapshot, ns=(snapshot.stat().st_atime_ns, snapshot.stat().st_mtime_ns + 10**9))
    assert last_run.unchanged_counts(seeds, warehouse) is None  # another run published
    last_run.record(seeds, warehouse, {"articles": 1})
    snapshot.unlink()
    assert last_run.unchanged_counts(seeds, warehouse) is None  # nothing published to stand on
