"""sitrep: open-source intelligence reports in, a sourced, geolocated, searchable record of claims out."""
__version__ = "0.1.0"
