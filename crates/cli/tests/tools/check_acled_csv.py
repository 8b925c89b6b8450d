#!/usr/bin/env python3
"""Check that an ACLED CSV written by `marsad export` loads in pandas as ACLED's data does.

Usage: check_acled_csv.py FILE ROWS

ACLED's columns (in ACLED's order, as its API and exports give them) are listed here on their
own, so this check does not trust the exporter's list. Exits 1 with one line per problem.
"""

import sys

import pandas as pd
from pandas.api import types

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
# Whole numbers on every row.
INTEGERS = ["year", "time_precision", "geo_precision", "fatalities"]
# Whole numbers that may be missing (no second actor, unknown country, undated report).
NULLABLE_INTEGERS = ["inter1", "inter2", "interaction", "iso", "timestamp"]
REALS = ["latitude", "longitude"]
# Text on every row.
REQUIRED_TEXT = ["event_id_cnty", "disorder_type", "event_type", "sub_event_type", "source"]


def problems(path, expected_rows):
    df = pd.read_csv(path)
    found = []
    if list(df.columns) != COLUMNS:
        return [f"columns differ from ACLED's: {list(df.columns)}"]
    if len(df) != expected_rows:
        found.append(f"{len(df)} rows, expected {expected_rows}")
    for name in INTEGERS:
        if not types.is_integer_dtype(df[name]):
            found.append(f"{name} is {df[name].dtype}, not whole numbers")
    for name in NULLABLE_INTEGERS:
        column = df[name].dropna()
        if not types.is_numeric_dtype(df[name]) or not (column == column.round()).all():
            found.append(f"{name} is {df[name].dtype}, not whole numbers or empty")
    for name in REALS:
        if not types.is_float_dtype(df[name]):
            found.append(f"{name} is {df[name].dtype}, not real numbers")
    for name in REQUIRED_TEXT:
        empty = df[name].isna() | (df[name].astype(str).str.strip() == "")
        if empty.any():
            found.append(f"{empty.sum()} row(s) without {name}: {list(df.loc[empty, 'event_id_cnty'])}")
    dates = pd.to_datetime(df["event_date"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        found.append(f"rows without a date: {list(df.loc[dates.isna(), 'event_id_cnty'])}")
    elif not (dates.dt.year == df["year"]).all():
        found.append("year differs from event_date's year")
    for name in ["time_precision", "geo_precision"]:
        if not df[name].isin([1, 2, 3]).all():
            found.append(f"{name} outside 1..3")
    if (df["fatalities"] < 0).any():
        found.append("negative fatalities")
    if not df["event_id_cnty"].is_unique:
        found.append("event_id_cnty repeats")
    in_country = df["country"].notna()
    missing = in_country & df["region"].isna()
    if missing.any():
        found.append(f"region empty for events in a country: {list(df.loc[missing, 'event_id_cnty'])}")
    # An event placed only at its country has no admin1; one placed below it must have one.
    below_country = in_country & (df["location"] != df["country"])
    missing = below_country & df["admin1"].isna()
    if missing.any():
        found.append(f"admin1 empty for events placed below the country: {list(df.loc[missing, 'event_id_cnty'])}")
    return found


def main():
    path, rows = sys.argv[1], int(sys.argv[2])
    found = problems(path, rows)
    for problem in found:
        print(f"{path}: {problem}")
    if not found:
        print(f"{path}: {rows} rows load in pandas {pd.__version__} with ACLED's columns and types")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
