"""One view per page: what a person sees of a report or the ranking, decided once.

A view is plain, frozen data built from a feature's data (`journeyctl.reports`,
`journeyctl.rank`): the labels and numbers already in the page's language
(`journeyctl.text`), the marks (estimated `~`, a criterion missing `*`, new in the ranking),
the tones (good, bad), the order of the rows, and the journey page a cell names. Every writer
lays a view out and decides nothing of its own: the terminal table and Markdown of
`journeyctl report` and `journeyctl rank` (`journeyctl.formats`) and the HTML and Markdown
pages of `journeyctl render` (`journeyctl.render`, through the templates). A writer may
leave a part out for room (a narrow terminal drops columns), never say it another way.

    owners_view(owners_report(report_input), lang) -> OwnersView

Each view has `tables` (`cells.Table`: title, headers, rows of `cells.Cell`) and `notes`
(lines under them); a page's view may hold more that only a page shows (headline figures).
"""
