"""The date tagger: TIMEX3 expressions found in text (``tagger.tag``) and resolved against the
publication date and the tense of their clause (lexicon, spans, filters, calendar, resolve...)."""
