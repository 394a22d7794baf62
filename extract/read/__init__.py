"""Reading articles: files and folders (.txt .md .html .jsonl) in, ``Article`` objects out, with
text decoding, front matter, HTML main text and sidecar metadata; a bad file is a ``Problem``."""
