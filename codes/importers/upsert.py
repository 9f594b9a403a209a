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


def upsert(report: ImportReport, model, lookup: dict, values: dict):
    """Create the row named by `lookup`, or update it only where `values` differ."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
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


def _differs(current, new) -> bool:
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
    given = [meta.get_field(name) for name in fields]
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
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in [*given, *rest])
    marks = ", ".join(["%s"] * (len(given) + len(rest)))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
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
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    prepare = _preparer([*columns, meta.pk])
    return _executemany(sql, (prepare(row) for row in rows), batch_size)


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
