"""A batch of extracted files as Arrow tables of the warehouse's schemas, made where the extraction ran.

A pool or Dask worker turns its batch's rows into tables before sending them: Arrow buffers cost next to
nothing to pickle and read back, where the same rows as Python lists of strings and Decimals cost the
build process a second of unpickling and converting per 2,000 documents, on the core its workers need.
With ``--workers 1`` the build makes the same tables in its own process, from the same function.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import pyarrow as pa

from . import warehouse as W
from .process import Batch, FileResult, SchemaMismatch

FileRows = tuple[FileResult, pa.Table, pa.Table]  # a file's result with its documents and facts


@dataclass
class TableBatch:
    """``process.Batch`` with its columns as tables: each file's result (without its rows), each file's
    (documents, facts) counts, and the rows of all the files, one file after another."""
    files: list[FileResult]
    counts: list[tuple[int, int]]
    documents: pa.Table
    facts: pa.Table

    def file_rows(self) -> Iterator[FileRows]:
        """Each file in order, with its documents and facts: slices of the batch's two tables."""
        d = f = 0
        for r, (n_docs, n_facts) in zip(self.files, self.counts):
            yield r, self.documents.slice(d, n_docs), self.facts.slice(f, n_facts)
            d, f = d + n_docs, f + n_facts


def tables_of(extract: Callable[..., Batch], *args) -> TableBatch:
    """``extract(*args)`` (``process.process_files`` or ``process_batch``) with its rows as tables: what the
    build's executors run, in a worker or in the build itself."""
    batch = extract(*args)
    return TableBatch(batch.files, batch.counts, columns_table(batch.documents, W.DOCUMENT_SCHEMA),
                      columns_table(batch.facts, W.FACT_SCHEMA))


def columns_table(columns: dict[str, list], schema: pa.Schema) -> pa.Table:
    """Columns (``process.Batch``) as a table of ``schema``, each converted in one call (``check_columns``)."""
    if not columns:
        return schema.empty_table()
    check_columns(columns.keys(), schema)
    return pa.Table.from_arrays([pa.array(columns[f.name], type=f.type) for f in schema], schema=schema)



def check_columns(names, schema: pa.Schema) -> None:
    """Rows (or columns) named ``names`` to be written with ``schema``: other names than the schema's are our
    bug and fail here (a new field is never dropped, a forgotten one never written as NULL)."""
    expected = set(schema.names)
    if names != expected:
        raise SchemaMismatch(f"a row does not match its schema: unknown columns {sorted(set(names) - expected)}, "
                             f"missing columns {sorted(expected - set(names))}")
