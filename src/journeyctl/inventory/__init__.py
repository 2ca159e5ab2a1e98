"""Excel and CSV in and out: the inventory and KPI measurements (`import`), and the inventory with its ranking for people (`export`)."""

import os

# openpyxl reads and writes with lxml when it is installed (python-pptx, for the deck, brings
# it), and then parses without defusedxml, whose refusals journeyctl relies on (XML bombs,
# entities). It decides when it is first imported: here, before any module of this package
# can import it.
os.environ["OPENPYXL_LXML"] = "False"
