"""Excel and CSV in and out: the inventory and KPI measurements (`import`), and the inventory with its ranking for people (`export`)."""
