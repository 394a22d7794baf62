"""TimeML corpora and the TempEval-3 scorer: how the date tagger is measured against gold
TIMEX3 annotations (``corpus`` reads them, ``evaluate`` scores)."""
