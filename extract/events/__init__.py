"""From tagged articles to rows of the events frame: one row per dated expression, with its
sentence, actors, label and modality, then reports of one happening clustered (``rows``)."""
