"""The runner for `dbt_like_sql/`: SQL models, their sources, builds, data tests and unit tests.

Laid out as dbt lays out a project: one model per `.sql` file, the folder its layer (`staging`
models are views, `marts` tables), and beside it one YAML of the same name with the model's
description, its UI `group`, described columns, `data_tests:` (per column: `unique`, `not_null`,
`accepted_values`, `relationships`; per model: `expression_is_true`,
`unique_combination_of_columns`) and `unit_tests:` (given rows in, expected rows out).
`sources.yml` at the root declares the `raw.*` tables models may read; `docs.md` holds dbt doc
blocks, descriptions several models share (`{{ doc('article_id') }}`). Upstream tables are read
off the parsed SQL with sqlglot; tests compile to queries that return the failing rows.
"""

import re
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
COLUMN_TESTS = {"unique", "not_null", "accepted_values", "relationships"}
MODEL_TESTS = {"expression_is_true", "unique_combination_of_columns"}
SOURCES_FILE = "sources.yml"
DOCS_FILE = "docs.md"
_DOC_BLOCK = re.compile(r"{%\s*docs\s+(\w+)\s*%}(.*?){%\s*enddocs\s*%}", re.DOTALL)
_DOC_REF = re.compile(r"""{{\s*doc\(\s*['"](\w+)['"]\s*\)\s*}}""")


def load_docs(root: Path) -> dict[str, str]:
    """dbt's doc blocks in `docs.md`: a description several models share, written once."""
    path = root / DOCS_FILE
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    docs: dict[str, str] = {}
    for name, body in _DOC_BLOCK.findall(text):
        if name in docs:
            raise SqlModelError(f"{DOCS_FILE}: doc {name!r} is written twice")
        docs[name] = " ".join(body.split())
    return docs


def _describe(text: str | None, docs: dict[str, str], where: str) -> str:
    """A description with its `{{ doc('name') }}` references filled in."""
    def fill(match: re.Match) -> str:
        if match[1] not in docs:
            raise SqlModelError(f"{where}: no doc block {match[1]!r} in {DOCS_FILE}")
        return docs[match[1]]
    return _DOC_REF.sub(fill, (text or "").strip())


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
        if self.kind in MODEL_TESTS:
            return f"{self.kind}_{self.params['name']}"
        suffix = f"_{self.params['to']}" if self.kind == "relationships" else ""
        return f"{self.kind}_{self.column}{suffix}"

    @property
    def description(self) -> str:
        if self.kind == "expression_is_true":
            return f"every row has {self.params['expression']}"
        if self.kind == "unique_combination_of_columns":
            return f"one row per {', '.join(self.params['combination_of_columns'])}"
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
    unit_tests: tuple[dict, ...] = field(default=(), hash=False, compare=False)
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
    """A column's data tests, or with `column` "" the model's own."""
    tests = []
    for raw in raw_tests or []:
        kind, params = (raw, {}) if isinstance(raw, str) else next(iter(raw.items()))
        if kind not in (COLUMN_TESTS if column else MODEL_TESTS):
            on = f"column {column}" if column else "the model (one of " + \
                ", ".join(sorted(MODEL_TESTS)) + ")"
            raise SqlModelError(f"{where}: unknown test {kind!r} on {on}")
        if kind in MODEL_TESTS:
            needed = "expression" if kind == "expression_is_true" else "combination_of_columns"
            if not {"name", needed} <= set(params or {}):
                raise SqlModelError(f"{where}: {kind} needs name and {needed}")
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


@dataclass(frozen=True)
class Source:
    """A table the pipeline writes and models read (`raw.articles`), as `sources.yml` declares it."""

    name: str
    description: str
    columns: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def load_sources(root: Path) -> dict[str, Source]:
    """`sources.yml`: schema-qualified table name -> its declaration."""
    docs = load_docs(root)
    path = root / SOURCES_FILE
    found: dict[str, Source] = {}
    for schema in (read_yaml(path) or {}).get("sources", []) if path.exists() else []:
        for table in schema.get("tables", []):
            # named as the SQL names it: a table of the main schema unqualified
            name = table["name"] if schema["name"] == "main" else f"{schema['name']}.{table['name']}"
            if name in found:
                raise SqlModelError(f"{SOURCES_FILE}: {name} is declared twice")
            found[name] = Source(name, _describe(table.get("description"), docs, SOURCES_FILE), {
                c["name"]: _describe(c.get("description"), docs, SOURCES_FILE)
                for c in table.get("columns", [])})
    return found


def _model_yaml(path: Path, layer: str) -> dict:
    """The YAML beside a model's SQL, which describes that model and only it."""
    yml = path.with_suffix(".yml")
    where = f"{layer}/{yml.name}"
    raw = (read_yaml(yml) or {}) if yml.exists() else {}
    entries = raw.get("models", [])
    if [e.get("name") for e in entries] not in ([], [path.stem]):
        raise SqlModelError(f"{where}: describes {[e.get('name') for e in entries]}; the YAML "
                            f"beside {path.name} describes {path.stem} alone")
    doc = entries[0] if entries else {}
    for holder in [doc, *doc.get("columns", [])]:
        if "tests" in holder:
            raise SqlModelError(f"{where}: write data_tests: (as dbt does), not tests:")
    units = raw.get("unit_tests", [])
    for unit in units:
        if unit.get("model") != path.stem or not unit.get("name") \
                or not isinstance(unit.get("given"), list) or "rows" not in (unit.get("expect") or {}):
            raise SqlModelError(f"{where}: unit test {unit.get('name')!r} needs a name, model: "
                                f"{path.stem}, given: [input, rows] and expect: rows")
    return {**doc, "_where": where, "_unit_tests": units}


def load_models(root: Path) -> list[SqlModel]:
    """Every model under `root` with what its YAML says of it, in build order. A model may read
    the tables `sources.yml` declares, and other models."""
    sources, docs = load_sources(root), load_docs(root)
    models: dict[str, SqlModel] = {}
    for layer in MATERIALIZATIONS:
        folder = root / layer
        stray = sorted({y.stem for y in [*folder.glob("*.yml"), *folder.glob("*.yaml")]}
                       - {p.stem for p in folder.glob("*.sql")})
        if stray:
            raise SqlModelError(f"{folder}: YAML with no SQL file of its name: {stray}")
        for path in sorted(folder.glob("*.sql")):
            doc = _model_yaml(path, layer)
            where = doc["_where"]
            columns = {c["name"]: _describe(c.get("description"), docs, where)
                       for c in doc.get("columns", [])}
            tests = [
                t
                for c in doc.get("columns", [])
                for t in _parse_tests(c["name"], c.get("data_tests", []), where)
            ] + _parse_tests("", doc.get("data_tests", []), where)
            if path.stem in models:
                raise SqlModelError(f"{path}: a model named {path.stem} already exists")
            models[path.stem] = SqlModel(
                name=path.stem,
                layer=layer,
                path=path,
                sql=path.read_text(encoding="utf-8").strip().rstrip(";"),
                description=_describe(doc.get("description"), docs, where),
                columns=columns,
                tests=tuple(tests),
                unit_tests=tuple(doc["_unit_tests"]),
                materialized=doc.get("materialized"),
                group=doc.get("group"),
            )
    for model in models.values():
        undeclared = [t for t in model.upstream if t not in models and t not in sources]
        if undeclared:
            raise SqlModelError(f"{model.path.name} reads {undeclared}, which {SOURCES_FILE} "
                                "does not declare")
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
    if test.kind == "expression_is_true":
        return f"select * from {table} where not ({test.params['expression']})"
    if test.kind == "unique_combination_of_columns":
        cols = ", ".join(test.params["combination_of_columns"])
        return f"select {cols}, count(*) as n from {table} group by {cols} having count(*) > 1"
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
    if test.kind == "unique_combination_of_columns":
        cols = ", ".join(test.params["combination_of_columns"])
        col = f"concat_ws(', ', {cols})"
        rows_sql = (f"select article_id, {col} from {model.name} "
                    f"where ({cols}) in (select ({cols}) from ({test_query(model, test)}))")
    elif test.kind == "expression_is_true":
        col = "'" + test.params["name"] + "'"
        rows_sql = f"select article_id, {col} from ({test_query(model, test)})"
    elif test.kind == "unique":
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
    label = test.column or ", ".join(test.params.get("combination_of_columns", [])) or "row"
    return {article: f"{test.name}: {label} = {', '.join(values)}"
            for article, values in failing.items()}


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


def _replace_with_given(conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Make `table` (a source or a built model) a plain table of its own columns holding only
    `rows`; columns a row leaves out are null, as dbt's unit tests have it."""
    schema, _, name = table.rpartition(".")
    schema = schema or "main"
    kind = conn.execute("select table_type from information_schema.tables where table_schema = ? "
                        "and table_name = ?", [schema, name]).fetchone()
    if kind is None:
        raise SqlModelError(f"unit test input {table} is neither a source nor a model")
    conn.execute(f"create or replace table {schema}.__given as select * from {table} limit 0")
    conn.execute(f"drop {'view' if kind[0] == 'VIEW' else 'table'} {table}")
    conn.execute(f"alter table {schema}.__given rename to {name}")
    columns = {r[0] for r in conn.execute(f"describe {table}").fetchall()}
    for row in rows:
        unknown = set(row) - columns
        if unknown:
            raise SqlModelError(f"unit test input {table} has no columns {sorted(unknown)}")
        names = list(row)
        conn.execute(f"insert into {table} ({', '.join(names)}) values "
                     f"({', '.join('?' for _ in names)})", [row[n] for n in names])


def run_unit_test(conn: duckdb.DuckDBPyConnection, models: list[SqlModel], unit: dict
                  ) -> tuple[list[tuple], list[tuple]]:
    """Build a model from given rows (its sources and upstream models replaced by them) and
    compare what it returns, in the expected rows' columns, with the expected rows.

    `conn` holds the (empty) source tables. Returns (expected rows missing, rows not expected).
    """
    by_name = {m.name: m for m in models}
    target = by_name[unit["model"]]
    needed, frontier = {target.name}, {target.name}
    while frontier:
        frontier = {u for n in frontier for u in by_name[n].upstream if u in by_name} - needed
        needed |= frontier
    order = [m for m in models if m.name in needed]
    for model in order:
        build_model(conn, model)
    given = {g["input"]: g.get("rows") or [] for g in unit["given"]}
    for table, rows in given.items():
        _replace_with_given(conn, table, rows)
    for model in order:
        if model.name not in given:
            build_model(conn, model)
    expected = unit["expect"]["rows"]
    columns = list(expected[0]) if expected else [
        r[0] for r in conn.execute(f"describe {target.name}").fetchall()]
    actual = conn.execute(f"select {', '.join(columns)} from {target.name}").fetchall()
    want = [tuple(row.get(c) for c in columns) for row in expected]
    missing, extra = list(want), []
    for row in actual:
        if row in missing:
            missing.remove(row)
        else:
            extra.append(row)
    return missing, extra
