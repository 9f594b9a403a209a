"""Idempotent row writes shared by importers: write only what differs."""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from itertools import batched
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Field
from django.utils import timezone

BATCH = 5000


class ImportReport(Counter):
    """Counts of created / updated / unchanged rows, keyed by "<model> <outcome>"."""

    def add(self, model: type[models.Model], outcome: str) -> None:
        self[f"{model._meta.verbose_name_plural} {outcome}"] += 1

    @property
    def writes(self) -> int:
        return sum(n for key, n in self.items() if not key.endswith(" unchanged"))

    def lines(self) -> list[str]:
        return [f"{key}: {count}" for key, count in sorted(self.items())]


def upsert[M: models.Model](
    report: ImportReport, model: type[M], lookup: dict[str, Any], values: dict[str, Any]
) -> M:
    """Create the row named by `lookup`, or update it only where `values` differ."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model._default_manager.create(**lookup, **values)
        report.add(model, "created")
        return obj
    changed = [name for name, value in values.items() if _differs(getattr(obj, name), value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
        report.add(model, "updated")
    else:
        report.add(model, "unchanged")
    return obj


def _differs(current: object, new: object) -> bool:
    if isinstance(current, models.Model) or isinstance(new, models.Model):
        return getattr(current, "pk", None) != getattr(new, "pk", None)
    if current is None or new is None:
        return current is not new
    # Decimal("0.00") == "0.00" is False; compare as text for values read from files.
    return str(current) != str(new)


# Field types whose Python values (str, int, bool, None) go to the driver as they are;
# every other field's values pass through its get_db_prep_save (dates, decimals, JSON).
PLAIN = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
}


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    batch_size: int = BATCH,
) -> int:
    """INSERT each row (values in `fields` order) as one executemany per batch.

    Columns not in `fields` take their default, computed once (auto_now: this call's
    time). bulk_create compiled one multi-row statement per batch and built a model
    instance per row: half of a first `load_codes` went there (178,000 codes and as
    many search documents); with DEBUG on it also quoted every parameter for the query
    log. The ids are not returned: callers read them back by natural key.
    """
    meta = model._meta
    given = _fields(model, fields)
    named = {field.attname for field in given}
    rest = [
        field
        for field in meta.concrete_fields
        if field.attname not in named and field is not meta.auto_field
    ]
    now = timezone.now()
    defaults = [
        field.get_db_prep_save(
            now
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            else field.get_default(),
            connection,
        )
        for field in rest
    ]
    columns = ", ".join(_column(field) for field in [*given, *rest])
    marks = ", ".join(["%s"] * (len(given) + len(rest)))
    table = connection.ops.quote_name(meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    prepare = _preparer(given)
    return _executemany(sql, (prepare(row) + defaults for row in rows), batch_size)


def update_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    batch_size: int = BATCH,
) -> int:
    """UPDATE … WHERE pk = ? for each row (values in `fields` order, then the pk), as one
    executemany per batch.

    Django's bulk_update builds one CASE expression per field per batch, which grows
    slow and memory-hungry past a few thousand rows; importers update up to ~100,000.
    """
    columns = _fields(model, fields)
    pk = _fields(model, ["pk"])[0]
    assignments = ", ".join(f"{_column(field)} = %s" for field in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"UPDATE {table} SET {assignments} WHERE {_column(pk)} = %s"  # noqa: S608
    prepare = _preparer([*columns, pk])
    return _executemany(sql, (prepare(row) for row in rows), batch_size)


def _fields(model: type[models.Model], names: Sequence[str]) -> list["Field[Any, Any]"]:
    """The columns named (by field name or attname; "pk" for the primary key)."""
    found = []
    for name in names:
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        if not isinstance(field, Field):
            raise TypeError(f"{model.__name__}.{name} is not a column")
        found.append(field)
    return found


def _column(field: "Field[Any, Any]") -> str:
    if field.column is None:
        raise TypeError(f"{field} has no column")
    return connection.ops.quote_name(field.column)


def _preparer(fields: Sequence["Field[Any, Any]"]) -> Callable[[Sequence[Any]], list[Any]]:
    """A function turning a row of Python values into database parameters."""
    steps = [None if field.get_internal_type() in PLAIN else _converter(field) for field in fields]
    if not any(steps):
        return list
    return lambda row: [
        value if step is None or value is None else step(value)
        for step, value in zip(steps, row, strict=True)
    ]


def _converter(field: "Field[Any, Any]") -> Callable[[Any], Any]:
    """`field`'s get_db_prep_save, remembering dates and times: a load repeats a few of
    them on every row (the same updated_at, a release's termination date), and each
    conversion costs time-zone and type checks."""
    db = connections[DEFAULT_DB_ALIAS]  # the proxy `connection` resolves it per access
    prepare = field.get_db_prep_save
    known: dict[date, Any] = {}

    def convert(value: Any) -> Any:
        if type(value) not in (date, datetime):
            return prepare(value, db)
        if value not in known:
            known[value] = prepare(value, db)
        return known[value]

    return convert


def _executemany(sql: str, params: Iterable[list[Any]], batch_size: int) -> int:
    count = 0
    with connection.cursor() as cursor:
        for batch in batched(params, batch_size):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count
