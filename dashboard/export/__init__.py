"""Everything that leaves the app as a file: the one export function (``view``) for the CLI and
the button, print-ready figures, images through the system Chromium, TimelineJS3."""
