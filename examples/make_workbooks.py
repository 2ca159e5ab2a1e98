"""Make the example files of `journeyctl import`: a client's working file, as messy as they come.

    python examples/make_workbooks.py      (needs LibreOffice: soffice)

`inventaris-wadden-energie.xlsx` is written as a flat OpenDocument sheet and saved as .xlsx
by LibreOffice, so it holds what a spreadsheet program writes: a "Toelichting" sheet, title
rows, a two-row header with the years in merged cells over Klanten | Contacten, the phase
written once in a vertically merged block, "Totaal" rows with SUM formulas, Dutch numbers
stored as text, n.b. where nobody knows, an estimate, an Opmerkingen column.
`metingen-enquete.csv` is what a survey tool exports: Dutch headers, `;` between fields,
a byte order mark, Dutch decimals.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fods import Formula, Sheet, Span, save_as_xlsx

HERE = Path(__file__).parent

TOELICHTING = Sheet(
    "Toelichting",
    [
        ["Inventarisatie klantreizen Wadden Energie"],
        [None],
        ["Per afdeling één tabblad. Aantallen per jaar uit het klantsysteem en de telefonie."],
        ["n.b. = niet bekend. Schattingen aangeven met 'ca.'."],
        ["Contactpersoon: CX-team, cx@wadden-energie.example"],
    ],
)


def _total(label: str, first: int, last: int, columns: str) -> list[object]:
    """A subtotal row: the label, then SUM formulas over the block's rows (1-based)."""
    sums: list[object] = [Formula(f"of:=SUM([.{c}{first}:.{c}{last}])") for c in columns]
    return [label, None, None, None, *sums, None]


KLANTENSERVICE = Sheet(
    "Klantenservice",
    [
        ["Inventaris klantreizen afdeling Klantenservice"],
        ["Bijgewerkt door: teamleiders, januari 2026"],
        [None],
        [
            Span("Fase", rows=2),
            Span("Klantreis", rows=2),
            Span("Cluster", rows=2),
            Span("Eigenaar", rows=2),
            Span(2024, columns=2),
            None,
            Span(2025, columns=2),
            None,
            Span("Opmerkingen", rows=2),
        ],
        [None, None, None, None, "Klanten", "Contacten", "Klanten", "Contacten", None],
        [
            Span("Klant zijn", rows=5),
            "Ik meld een storing",
            "Ik heb een storing of klacht",
            "Fatima el Amrani",
            "21.800",
            "33.900",
            "19.600",
            "29.700",
            None,
        ],
        [None, "Ik dien een klacht in", "Ik heb een storing of klacht", "Fatima el Amrani",
         9400, 21700, "8.900", "19.800", "Contacten gecorrigeerd na telling januari"],
        [None, "Ik krijg een schadevergoeding", "Ik heb een storing of klacht",
         "Fatima el Amrani", 1300, 3900, "1.100", "n.b.", "Telefonie 2025 nog niet compleet"],
        [None, "Ik verhuis", "Ik wijzig mijn gegevens of situatie", "Eva de Boer",
         "47.300", "71.200", "49.800", "66.400", None],
        [None, "Ik meld een gaslek", "Ik heb een storing of klacht", "Fatima el Amrani",
         "n.b.", "n.b.", "ca. 4.000", "5.200", "Nieuw: telling via netbeheerder"],
        _total("Totaal Klant zijn", 6, 10, "EFGH"),
        [None],
        [Span("Klant blijven", rows=2), "Ik zeg mijn contract op", "Ik zeg mijn contract op",
         "Lisa Mulder", "36.200", "27.800", "39.100", "25.300", None],
        [None, "Ik ontvang mijn eindafrekening", "Ik zeg mijn contract op", "Anouk de Vries",
         "35.800", "16.700", "38.400", "15.900", None],
        _total("Totaal Klant blijven", 13, 14, "EFGH"),
    ],
)  # fmt: skip

FACTURATIE = Sheet(
    "Facturatie",
    [
        ["Klantreizen Facturatie en incasso 2025"],
        [None],
        ["Klantreis", "Fase", "Cluster", "Eigenaar", "Klanten 2025", "Contacten 2025",
         "Strategisch belang", "Opmerkingen"],
        ["Ik ontvang mijn jaarafrekening", "Klant zijn", "factuur", "Anouk de Vries",
         "415.000", "104.500", 5, None],
        ["Ik betaal mijn termijnbedrag", "Klant zijn", "factuur", "Joost Bakker",
         "411.000", "24.100", 2, None],
        ["Ik krijg een betalingsherinnering", "Klant zijn", "factuur", "Joost Bakker",
         "33.400", "19.900", 3, None],
        ["Ik tref een betalingsregeling", "Klant zijn", "factuur", "Joost Bakker",
         "10.300", "17.200", 4, "Herberekend: 17.200 was 16.900"],
        ["Ik krijg geld terug", "Klant zijn", "factuur", "Anouk de Vries",
         "151.000", "11.800", 2, None],
        ["Ik krijg inzicht in mijn factuur", "Klant zijn", "factuur", "Anouk de Vries",
         "201.000", "28.900", 3, None],
        ["Totaal", None, None, None, Formula("of:=SUM([.E4:.E9])"),
         Formula("of:=SUM([.F4:.F9])"), None, None],
    ],
)  # fmt: skip

METINGEN = (
    "\ufeffKlantreis;KPI;Datum;Score;Aantal respondenten;Bron\r\n"
    "Ik ontvang mijn jaarafrekening;NPS;31-12-2025;2;1.284;Enquête na jaarafrekening\r\n"
    "Ik ontvang mijn jaarafrekening;Customer Effort Score;31-12-2025;4,6;1.102;"
    "Enquête na jaarafrekening\r\n"
    "Ik meld een storing;NPS;31-12-2025;-8;412;Enquête na storingsmelding\r\n"
    "Ik verhuis;CES;31-12-2025;5,1;655;Enquête na verhuizing\r\n"
)


def main() -> None:
    save_as_xlsx([TOELICHTING, KLANTENSERVICE, FACTURATIE], HERE / "inventaris-wadden-energie.xlsx")
    (HERE / "metingen-enquete.csv").write_bytes(METINGEN.encode("utf-8"))


if __name__ == "__main__":
    main()
