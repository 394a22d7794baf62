"""The actor and article dropdowns' options: a few preloaded, the rest searched on the server.

Why: Reuters has 13,818 articles and thousands of actors; sent whole with every page they made
the layout 1.77 MB and the page five times slower to open than the seeds. The page now carries
the ``PRELOADED`` most frequent actors (and the first articles by title); typing in a dropdown
asks the server (``search_value``), which answers with up to ``MATCHES`` options, names that
start with the typed text first. Whatever is chosen stays among the options, or the dropdown
would stop showing it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dashboard.store.corpus import Corpus

PRELOADED = 50  # options on a freshly opened page, per dropdown
MATCHES = 50  # options answering one search

Option = dict[str, str]


def actor_options(corpus: Corpus, search: str = "", chosen: Iterable[str] = ()) -> list[Option]:
    """Actors as "Name (events)", most frequent first; the ones matching ``search`` if given."""
    counts = corpus.actor_counts()
    labelled = [(name, f"{name} ({count})") for name, count in counts]
    return _options(labelled, search, chosen)


def doc_options(corpus: Corpus, search: str = "", chosen: Iterable[str] = ()) -> list[Option]:
    """Articles as "title (source)", by title; the ones matching ``search`` if given."""
    return _options(corpus.source_options(), search, chosen)


def _options(
    labelled: Sequence[tuple[str, str]], search: str, chosen: Iterable[str]
) -> list[Option]:
    """(value, label) pairs cut to what the dropdown needs: the first ``PRELOADED``, or up to
    ``MATCHES`` whose label contains ``search`` (case-insensitive; prefixes first), plus the
    ``chosen`` values wherever they are."""
    words = search.strip().lower()
    if words:
        starts = [pair for pair in labelled if pair[1].lower().startswith(words)]
        inside = [pair for pair in labelled
                  if words in pair[1].lower() and not pair[1].lower().startswith(words)]
        shown = (starts + inside)[:MATCHES]
    else:
        shown = list(labelled[:PRELOADED])
    present = {value for value, _ in shown}
    keep = [value for value in chosen or () if value not in present]
    if keep:
        labels = dict(labelled)
        shown += [(value, labels.get(value, value)) for value in keep]
    return [{"label": label, "value": value} for value, label in shown]
