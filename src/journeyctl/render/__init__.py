"""Journey maps and report pages as HTML and Markdown, from the report data and the templates."""
