"""The language layer every stage shares: sentence splitting, the one tense model, and the cue
word lists (past and future verbs, weekdays, months, seasons) they are built on."""
