"""New rows joined to the clusters of events already clustered, without clustering them again.

Why: an upload of one article into a corpus of 50,000 events should cost one article, not a
re-run of ``assign_clusters`` over everything. Clustering only ever compares rows that share an
actor (its blocks are keyed by actor and key word) and whose dates lie within a year or so, so
the saved rows that could join a new one are few: ``reach`` says which, and the caller fetches
just those (``neighbours``). The new rows and their neighbours are clustered together; a new
row that lands with saved rows takes their cluster's id (the smallest, should it bridge two),
and its ``conflict`` flag if theirs was set. Saved rows are never rewritten (they may live in
Parquet files that cannot change), so two saved clusters a new report bridges stay two, and a
saved cluster keeps its flag as it was.

Names: a new row's lone surname ("Grand") becomes the full name the whole corpus knows
("Camille Grand"), as it would in one batch (``known``: every actor name already there).
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd

from extract.events.actors import canonical_batch_actors
from extract.events.cluster import WINDOW_DAYS, assign_clusters

# The widest window two dates of one happening may lie apart (clustering's own rule), and a day.
REACH = timedelta(days=max(WINDOW_DAYS.values()) + 1)
NEEDED = ("event_id", "doc_id", "date_start", "date_end", "precision", "label", "actors", "timex",
          "sentence", "cluster_id", "conflict")  # what clustering reads of a saved row


def reach(new: pd.DataFrame) -> tuple[set[str], pd.Timestamp | None, pd.Timestamp | None]:
    """What a saved row needs to possibly join ``new``: one of these actors, and a range
    overlapping [first, last] (None when no new row is dated or names an actor)."""
    actors = {name for names in new["actors"] for name in names}
    dated = new.dropna(subset=["date_start", "date_end"])
    if not actors or dated.empty:
        return actors, None, None
    return actors, dated["date_start"].min() - REACH, dated["date_end"].max() + REACH


def join_clusters(
    new: pd.DataFrame, neighbours: pd.DataFrame, known: set[str] | frozenset[str] = frozenset()
) -> pd.DataFrame:
    """``new`` (rows of new articles) with actor names, ``cluster_id`` and ``conflict`` set
    against ``neighbours`` (saved, clustered rows, at least their ``NEEDED`` columns; any
    superset of those ``reach`` names)."""
    if new.empty:
        return new.copy()
    new = new.copy()
    lone = {name for names in new["actors"] for name in names if " " not in name}
    # the full names a lone surname could become (``canonical_batch_actors`` goes by last word)
    candidates = sorted(n for n in known if " " in n and n.split()[-1] in lone)
    named = canonical_batch_actors([candidates, *[list(a) for a in new["actors"]]])[1:]
    new["actors"] = pd.Series(named, index=new.index, dtype=object)
    near = _near(neighbours, new)
    if near.empty:
        clustered = assign_clusters(new)
        clustered["actors"] = new["actors"]
        return clustered
    both = assign_clusters(pd.concat([near, new], ignore_index=True))
    saved = np.arange(len(both)) < len(near)
    subset_ids = both["cluster_id"].astype(str).to_numpy()
    old_ids = near["cluster_id"].astype(str).to_numpy()
    old_flags = near["conflict"].to_numpy(bool)
    # per cluster of the joint run: the saved cluster it reaches (smallest id), and its flag
    target: dict[str, str] = {}
    flagged: dict[str, bool] = {}
    for subset_id, old_id, flag in zip(subset_ids[saved], old_ids, old_flags, strict=True):
        if subset_id not in target or old_id < target[subset_id]:
            target[subset_id] = old_id
        flagged[subset_id] = flagged.get(subset_id, False) or bool(flag)
    ours = both[~saved].reset_index(drop=True)
    ids = ours["cluster_id"].astype(str).tolist()
    out = new.reset_index(drop=True)
    out["cluster_id"] = pd.array([target.get(i, i) for i in ids], dtype="string")
    out["conflict"] = np.array(
        [bool(c) or flagged.get(i, False) for i, c in zip(ids, ours["conflict"], strict=True)],
        dtype=bool,
    )
    return out


def _near(saved: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The saved rows that share an actor with a new row and lie within ``REACH`` of its range."""
    if saved.empty:
        return saved
    actors = saved["actors"]
    wanted = {name for names in new["actors"] for name in names}
    shares = np.fromiter((bool(wanted.intersection(a)) for a in actors), bool, len(saved))
    starts = saved["date_start"].to_numpy()
    ends = saved["date_end"].to_numpy()
    close = np.zeros(len(saved), dtype=bool)
    for lo, hi in zip(new["date_start"], new["date_end"], strict=True):
        if pd.isna(lo) or pd.isna(hi):
            continue
        close |= (starts <= np.datetime64(hi + REACH)) & (ends >= np.datetime64(lo - REACH))
    return saved[shares & close].reset_index(drop=True)
