"""The runner for `dbt_like_sql/`: SQL models, their upstream tables, builds, and YAML tests.

One model per `.sql` file; the folder is the layer (`staging` models are views, `marts` tables).
Upstream tables are read off the parsed SQL with sqlglot. The YAML beside the models gives each
its description, column descriptions and tests (`unique`, `not_null`, `accepted_values`,
`relationships`), compiled here to queries that count failing rows.
"""

from dataclasses import dataclass, field
from functools import cached_property
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp

from schemas.fields import VOCABULARIES
from schemas.yaml_files import read_yaml
from warehouse.errors import SqlModelError

MATERIALIZATIONS = {"staging": "view", "marts": "table"}
SEVERITIES = ("error", "warn")


@dataclass(frozen=True)
class ModelTest:
    kind: str
    column: str
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def severity(self) -> str:
        """As dbt has it: `error` (rows that fail are quarantined, else the run stops) or `warn`."""
        config = self.params.get("config") or {}
        return str(self.params.get("severity") or config.get("severity") or "error").lower()

    @property
    def name(self) -> str:
        suffix = f"_{self.params['to']}" if self.kind == "relationships" else ""
        return f"{self.kind}_{self.column}{suffix}"

    @property
    def description(self) -> str:
        if self.kind == "accepted_values":
            return f"{self.column} is one of {', '.join(map(str, self.params['values']))}"
        if self.kind == "relationships":
            return f"every {self.column} exists in {self.params['to']}.{self.params['field']}"
        return f"{self.column} is {self.kind.replace('_', ' ')}"


@dataclass(frozen=True)
class SqlModel:
    name: str
    layer: str
    path: Path
    sql: str
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    tests: tuple[ModelTest, ...] = ()
    materialized: str | None = None  # the YAML's override of the layer's default
    group: str | None = None  # the YAML's group for the UI, else the layer

    @property
    def materialization(self) -> str:
        return self.materialized or MATERIALIZATIONS[self.layer]

    @cached_property
    def upstream(self) -> tuple[str, ...]:
        """Tables the model reads, and those its relationships tests compare it with."""
        tested = {t.params["to"] for t in self.tests if t.kind == "relationships"}
        return tuple(sorted(set(upstream_tables(self.sql, where=str(self.path))) | tested))


def upstream_tables(sql: str, where: str = "<sql>") -> tuple[str, ...]:
    """Tables a query reads (schema-qualified where it qualifies them), CTE names excluded."""
    try:
        tree = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.ParseError as exc:
        raise SqlModelError(f"{where}: not parseable SQL: {exc}") from exc
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    tables = set()
    for table in tree.find_all(exp.Table):
        if not table.name or (not table.db and table.name in ctes):
            continue
        tables.add(f"{table.db}.{table.name}" if table.db else table.name)
    return tuple(sorted(tables))


def _parse_tests(column: str, raw_tests: list, where: str) -> list[ModelTest]:
    tests = []
    for raw in raw_tests or []:
        kind, params = (raw, {}) if isinstance(raw, str) else next(iter(raw.items()))
        if kind not in {"unique", "not_null", "accepted_values", "relationships"}:
            raise SqlModelError(f"{where}: unknown test {kind!r} on column {column}")
        if kind == "accepted_values":
            # One definition per vocabulary: the YAML names it, schemas/fields.py holds it.
            name = (params or {}).get("vocabulary")
            if "values" in (params or {}) or name not in VOCABULARIES:
                raise SqlModelError(
                    f"{where}: accepted_values on {column} names no vocabulary of "
                    f"schemas/fields.py (vocabulary: one of {', '.join(sorted(VOCABULARIES))}); "
                    "a list of values written here would be a second definition")
            params = {**params, "values": VOCABULARIES[name]}
        if kind == "relationships" and not {"to", "field"} <= set(params):
            raise SqlModelError(f"{where}: relationships on {column} needs to and field")
        test = ModelTest(kind, column, params or {})
        if test.severity not in SEVERITIES:
            raise SqlModelError(f"{where}: severity of {kind} on {column} is {test.severity!r}, "
                                f"not one of {', '.join(SEVERITIES)}")
        tests.append(test)
    return tests


def load_models(root: Path) -> list[SqlModel]:
    """Every model under `root`, with what its layer's YAML says of it, in build order."""
    models: dict[str, SqlModel] = {}
    for layer in MATERIALIZATIONS:
        folder = root / layer
        docs: dict[str, dict] = {}
        for yml in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):
            for entry in (read_yaml(yml) or {}).get("models", []):
                docs[entry["name"]] = {**entry, "_file": yml.name}
        for path in sorted(folder.glob("*.sql")):
            doc = docs.pop(path.stem, {})
            where = f"{layer}/{doc.get('_file', path.name)}"
            columns = {c["name"]: c.get("description", "") for c in doc.get("columns", [])}
            tests = [
                t
                for c in doc.get("columns", [])
                for t in _parse_tests(c["name"], c.get("tests", []), where)
            ]
            if path.stem in models:
                raise SqlModelError(f"{path}: a model named {path.stem} already exists")
            models[path.stem] = SqlModel(
                name=path.stem,
                layer=layer,
                path=path,
                sql=path.read_text(encoding="utf-8").strip().rstrip(";"),
                description=(doc.get("description") or "").strip(),
                columns=columns,
                tests=tuple(tests),
                materialized=doc.get("materialized"),
                group=doc.get("group"),
            )
        if docs:
            raise SqlModelError(f"{folder}: YAML describes models with no SQL file: {sorted(docs)}")
    graph = {name: [u for u in m.upstream if u in models] for name, m in models.items()}
    return [models[name] for name in TopologicalSorter(graph).static_order()]


def build_model(conn: duckdb.DuckDBPyConnection, model: SqlModel) -> int:
    """Create or replace the model's view or table; returns its row count."""
    other = "table" if model.materialization == "view" else "view"
    existing = conn.execute("select table_type from information_schema.tables "
                            "where table_schema = 'main' and table_name = ?", [model.name]).fetchone()
    if existing and (existing[0] == "VIEW") == (other == "view"):
        conn.execute(f"drop {other} {model.name}")
    conn.execute(f"create or replace {model.materialization} {model.name} as\n{model.sql}")
    return conn.execute(f"select count(*) from {model.name}").fetchone()[0]


def test_query(model: SqlModel, test: ModelTest) -> str:
    """A query returning the rows that fail the test."""
    col, table = test.column, model.name
    if test.kind == "unique":
        return (f"select {col}, count(*) as n from {table} where {col} is not null "
                f"group by {col} having count(*) > 1")
    if test.kind == "not_null":
        return f"select * from {table} where {col} is null"
    if test.kind == "accepted_values":
        values = ", ".join("'" + str(v).replace("'", "''") + "'" for v in test.params["values"])
        return f"select * from {table} where {col} is not null and {col}::varchar not in ({values})"
    to, to_field = test.params["to"], test.params["field"]
    return (f"select child.* from {table} as child left join {to} as parent "
            f"on child.{col} = parent.{to_field} "
            f"where child.{col} is not null and parent.{to_field} is null")


def failing_articles(conn: duckdb.DuckDBPyConnection, model: SqlModel,
                     test: ModelTest) -> dict[str, str] | None:
    """Article id -> the failing values, for a test whose failing rows all belong to articles.

    None when the model has no article_id or some failing row has none: a structural failure,
    which no article's quarantine can mend.
    """
    columns = {row[0] for row in conn.execute(f"describe {model.name}").fetchall()}
    if "article_id" not in columns:
        return None
    col = test.column
    if test.kind == "unique":
        rows_sql = (f"select article_id, {col} from {model.name} "
                    f"where {col} in (select {col} from ({test_query(model, test)}))")
    else:
        rows_sql = f"select article_id, {col} from ({test_query(model, test)})"
    rows = conn.execute(rows_sql).fetchall()
    if not rows or any(article is None for article, _ in rows):
        return None
    failing: dict[str, list[str]] = {}
    for article, value in rows:
        values = failing.setdefault(article, [])
        if len(values) < 5 and repr(value) not in values:
            values.append(repr(value))
    return {article: f"{test.name}: {col} = {', '.join(values)}" for article, values in failing.items()}


def downstream_of(models: list[SqlModel], name: str) -> set[str]:
    """The models that read `name`, directly or through others."""
    found: set[str] = set()
    frontier = {name}
    while frontier:
        frontier = {m.name for m in models if set(m.upstream) & frontier} - found
        found |= frontier
    return found


def run_test(conn: duckdb.DuckDBPyConnection, model: SqlModel, test: ModelTest) -> tuple[int, list]:
    """Number of failing rows and the first few of them."""
    query = test_query(model, test)
    failing = conn.execute(f"select count(*) from ({query})").fetchone()[0]
    sample = conn.execute(f"{query} limit 5").fetchall() if failing else []
    return failing, sample
