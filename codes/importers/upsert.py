"""Idempotent row writes shared by importers: write only what differs."""

from collections import Counter

from django.db import connection, models


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


def bulk_update_rows(model, fields: list[str], objs, batch_size: int = 5000) -> int:
    """UPDATE … WHERE id = ? for each object, as one executemany per batch.

    Django's bulk_update builds one CASE expression per field per batch, which grows
    slow and memory-hungry past a few thousand rows; importers update up to ~100,000.
    """
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    count = 0
    with connection.cursor() as cursor:
        batch = []
        for obj in objs:
            values = [
                field.get_db_prep_save(getattr(obj, field.attname), connection) for field in columns
            ]
            batch.append([*values, obj.pk])
            if len(batch) >= batch_size:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count
