"""Words and numbers for people: names for ids, labels and number formats per language."""
