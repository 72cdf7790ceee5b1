"""The Spark engine: the same rules, readers and issues as the pandas engine, on a Spark cluster.

`run.audit_files` is its entry point (`auditor check --engine spark`). Files
are read in the executors (`read.py`), the entity tables are Spark DataFrames
(`tables.py`, `columns.py`), the compiled suites run on GX's Spark execution
engine with our expectations' arithmetic in pandas UDFs (`udf.py`), and the
failures are described on the driver (`validate.py`). pyspark is imported
lazily, and `session.py` says clearly when Spark cannot start.
"""
