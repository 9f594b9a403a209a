"""PostgreSQL: the vocabulary's trigram index moves from `word` to `lower(word)`, and
titles get an index by their start.

With the trigram index on the column itself, the planner served the exact-word lookups
(`word IN (…)`, one per search) from it instead of the unique B-tree, misjudging its
cost: 46 ms for three words against 0.2 ms. On an expression, it serves only the
similarity lookups that name the expression (codes.searchbackends), and equality goes to
the B-tree. Words are stored lower-case, so similarity is unchanged.

A lone common word being typed ("encounte") is first looked for at the start of titles
(codes.search._broad): `lower(title) LIKE 'encounte%'` reads 486 titles from this index
instead of ranking the 37,000 documents that hold the word.
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS codes_searchterm_trgm_idx",
    "CREATE INDEX codes_searchterm_trgm_idx ON codes_searchterm USING GIN (lower(word) gin_trgm_ops)",
    "CREATE INDEX codes_searchdocument_title_start ON codes_searchdocument "
    "(lower(title) text_pattern_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS codes_searchdocument_title_start",
    "DROP INDEX IF EXISTS codes_searchterm_trgm_idx",
    "CREATE INDEX codes_searchterm_trgm_idx ON codes_searchterm USING GIN (word gin_trgm_ops)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("codes", "0008_search_name")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
