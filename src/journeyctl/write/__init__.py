"""The one writer for every file journeyctl writes."""
