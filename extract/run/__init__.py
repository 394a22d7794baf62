"""Engines that run the one pipeline (``extract.pipeline``) over a corpus: local worker
processes with resumable chunks (``local``), or a Dask cluster (``dask_engine``)."""
