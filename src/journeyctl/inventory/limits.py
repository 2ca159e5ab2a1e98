"""How much of a file `import` reads at most, and why each bound stands where it does.

A workbook is small on disk and large inside: a few kilobytes of zip can declare millions of
cells, merged ranges or strings, and each costs time and memory when it is read. So the work
is bounded by counting what is read while it streams, never by believing what a file says of
itself, and a file past a bound is refused in one line (nothing is written) before it costs
minutes or gigabytes. Each bound is far above any inventory or measurements file a person
keeps (the largest that journeyctl's benchmark imports is 100,000 rows of 8 columns) and
low enough that reading up to it takes seconds and well under 200 MB.

One `Budget` counts for one file: its sheets share it, so many sheets cost no more than one.
"""

from __future__ import annotations

from journeyctl.inventory.cells import Problem, Refused
from journeyctl.inventory.words import Message, said

# The file and the zip it is. A workbook's size on disk; what its parts declare they unpack
# to, all together (checked in the zip's directory before anything is unpacked: Python's zip
# reader never hands out more than a part declares); and how many parts it has.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_MEMBERS = 10_000

# The parts that openpyxl parses whole into objects (the content types, workbook.xml and its
# relationships): each object costs about a kilobyte, so a large part costs hundreds of MB.
# Real ones are kilobytes; workbook.xml with thousands of defined names is a few hundred KB.
MAX_PART_BYTES = 4 * 1024 * 1024

# Sheets named in workbook.xml. Many entries may name the same part, so the count of parts
# does not bound it, and each sheet is read on its own; a real workbook has a few, rarely
# a hundred.
MAX_SHEETS = 1_000

# Cells read in one file: each cell a sheet's XML holds, empty ones too (a formatted empty
# cell is in the file and costs as much to read), each field of a CSV line, and each cell a
# merged range fills. The benchmark's largest inventory is 800,000 cells.
MAX_CELLS = 1_000_000

# Rows read in one file, empty ones within the data too (each line of a CSV file), and the
# rows a sheet leaves out between two rows with data (held as empty rows). A row costs as
# much to read as a few cells, so a sheet of a million rows of one cell each is bounded
# here, not by its cells; a value in row 100,000,000 is refused here, not held after a
# hundred million empty rows. A large measurements export is tens of thousands of rows.
MAX_ROWS = 200_000

# Cells in one row of a sheet: as many as Excel and LibreOffice have columns. A row is held
# in memory whole until it ends (that is how its XML is parsed), so this bounds the memory
# of one row, which the count of cells for the whole file cannot.
MAX_ROW_CELLS = 16_384

# Distinct texts in the shared strings part, which is read whole before the sheets: each
# text a cell holds is there once, so a file of a million cells shares far fewer.
MAX_SHARED_STRINGS = 500_000

# Cell formats in the styles part (cellXfs), read for which of them show dates: Excel keeps
# at most 64,000 (past that it says "too many different cell formats").
MAX_CELL_FORMATS = 100_000

# Merged ranges in one file. Each is filled in after its sheet is read (the cells it fills
# count as cells); a real sheet merges a few hundred (a phase beside its block of rows, a
# year above its columns).
MAX_MERGED_RANGES = 100_000

# XML elements read in one file, in the sheets, the shared strings and the styles: a cell is
# one to three (the cell, its value, an inline text), and a sheet holds others (formatting,
# validation, conditional formats) that the count of cells does not see. Reading an element
# costs about a microsecond; this bounds the time of a file whose XML is mostly not cells.
MAX_XML_ELEMENTS = 3_000_000

# Bytes of XML read within one row, or between the ends of two elements elsewhere: one row's
# or one text's size. A cell holds at most 32,767 characters in Excel (128 KB in UTF-8), a
# real row a few KB; a row is held in memory until it ends, and a text too.
MAX_STRETCH_BYTES = 2 * 1024 * 1024

# Columns read: far more than any inventory; cells to the right of it are not read.
MAX_COLUMNS = 256

# Empty rows in a row that end a sheet's data (a sheet formatted down to row 1,048,576).
EMPTY_RUN = 1000

# Characters in one CSV line: a line is read whole, so this bounds its memory.
MAX_LINE_CHARS = 1 << 20


class Budget:
    """What reading one file has spent, each count refused in one line past its bound."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.cells = 0
        self.rows = 0
        self.merged_ranges = 0
        self.elements = 0

    def refuse(self, message: Message) -> Refused:
        return Refused([Problem(self.file, message)])

    def spend_cells(self, count: int, where: Message) -> None:
        """`count` more cells read (or filled) in `where`, a sheet."""
        self.cells += count
        if self.cells > MAX_CELLS:
            raise self.refuse(said("limits.cells", where=where, limit=MAX_CELLS))

    def spend_rows(self, count: int, where: Message) -> None:
        """`count` more rows read in `where`, a sheet, or held for it (rows a sheet leaves
        out between two rows with data are held as empty rows)."""
        self.rows += count
        if self.rows > MAX_ROWS:
            raise self.refuse(said("limits.rows", where=where, limit=MAX_ROWS))

    def spend_merged_range(self, where: Message) -> None:
        self.merged_ranges += 1
        if self.merged_ranges > MAX_MERGED_RANGES:
            raise self.refuse(said("limits.merged", where=where, limit=MAX_MERGED_RANGES))

    def too_many_elements(self, where: Message) -> Refused:
        return self.refuse(said("limits.elements", where=where, limit=MAX_XML_ELEMENTS))

    def too_many_strings(self) -> Refused:
        return self.refuse(said("limits.strings", limit=MAX_SHARED_STRINGS))

    def too_many_formats(self) -> Refused:
        return self.refuse(said("limits.formats", limit=MAX_CELL_FORMATS))

    def too_many_row_cells(self, where: Message, row: str) -> Refused:
        return self.refuse(said("limits.row_cells", where=where, row=row, limit=MAX_ROW_CELLS))

    def too_long(self, where: Message) -> Refused:
        return self.refuse(said("limits.too_long", where=where, mb=MAX_STRETCH_BYTES // 2**20))
