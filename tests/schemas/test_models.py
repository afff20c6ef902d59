"""Every table model keeps to the shared config: no undeclared column, values coerced."""

import importlib
import inspect
import pkgutil

import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pytest

import schemas
from schemas.fields import StagingModel


def _models() -> list[type[pa.DataFrameModel]]:
    found = []
    for info in pkgutil.iter_modules(schemas.__path__):
        module = importlib.import_module(f"schemas.{info.name}")
        found += [obj for _, obj in inspect.getmembers(module, inspect.isclass)
                  if issubclass(obj, pa.DataFrameModel) and obj.__module__ == module.__name__]
    return found


def test_models_are_found():
    names = {m.__name__ for m in _models()}
    assert {"Articles", "Sentences", "Events", "EventActors", "ActorMentions",
            "LocationMentions", "RejectedRows"} <= names


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_model_is_strict_and_coerces(model):
    assert issubclass(model, StagingModel)
    schema = model.to_schema()
    assert schema.strict is True and schema.coerce is True


def test_a_model_own_config_adds_to_the_shared_one():
    from schemas.sentences import Sentences

    schema = Sentences.to_schema()
    assert schema.unique == ["article_id", "sentence_index"] and schema.strict is True


def test_an_undeclared_column_is_refused():
    from schemas.rejected import RejectedRows

    columns = list(RejectedRows.to_schema().columns)
    frame = pd.DataFrame([{c: "x" for c in columns} | {"surprise": 1}])
    with pytest.raises((pandera.errors.SchemaError, pandera.errors.SchemaErrors), match="surprise"):
        RejectedRows.validate(frame)
