"""The data behind each report page (kpis, improvements, coverage, owners, alerts), for `report` and `render`."""
