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
