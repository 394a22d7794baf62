"""When an undated article was published: clues from its own dates, candidate days scored
against them, and borrowing from articles of the same story in the batch (``published``)."""
