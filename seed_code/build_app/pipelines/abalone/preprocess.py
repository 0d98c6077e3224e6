"""Preprocessing for the abalone data set; runs as a SageMaker processing job (standard library only).

Reads every CSV under the input folder (headerless: sex, seven measurements, rings), shuffles with a fixed seed,
splits 70/15/15, then fits the feature transform on the TRAIN split only (median imputation and standardisation of
the measurements, one-hot encoding of sex) and applies it to all three splits. Writes headerless CSVs with the label
first, the layout the built-in XGBoost algorithm expects:

    <output>/train/train.csv, <output>/validation/validation.csv, <output>/test/test.csv
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import random
import statistics
import sys
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

NUMERIC_COLUMNS = [
    "length", "diameter", "height", "whole_weight", "shucked_weight", "viscera_weight", "shell_weight",
]
CATEGORY_COLUMN = "sex"
LABEL_COLUMN = "rings"
COLUMNS = [CATEGORY_COLUMN] + NUMERIC_COLUMNS + [LABEL_COLUMN]
MISSING = {"", "?", "na", "nan", "null"}
SPLITS = ("train", "validation", "test")

Record = Tuple[str, List[Optional[float]], float]


class DataError(ValueError):
    """A row of the input data cannot be used."""


def _number(text: str) -> Optional[float]:
    text = text.strip()
    if text.lower() in MISSING:
        return None
    value = float(text)
    return None if math.isnan(value) else value


def parse_rows(rows: Iterable[Sequence[str]], source: str = "<input>") -> List[Record]:
    """Rows of text fields -> (sex, measurements with None for missing, rings). Blank lines are skipped."""
    records: List[Record] = []
    for line, row in enumerate(rows, start=1):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise DataError(f"{source}:{line}: expected {len(COLUMNS)} columns ({', '.join(COLUMNS)}), got {len(row)}")
        try:
            label = _number(row[-1])
            numbers = [_number(cell) for cell in row[1:-1]]
        except ValueError as error:
            raise DataError(f"{source}:{line}: not a number ({error}); fix or remove the row") from None
        if label is None:
            raise DataError(f"{source}:{line}: the label '{LABEL_COLUMN}' is missing; remove the row")
        sex = row[0].strip()
        records.append((sex if sex.lower() not in MISSING else "missing", numbers, label))
    return records


class FeatureTransform:
    """Median imputation + standardisation of measurements, one-hot encoding of sex; fitted on one split."""

    def __init__(self, medians: List[float], means: List[float], scales: List[float], categories: List[str]):
        self.medians, self.means, self.scales, self.categories = medians, means, scales, categories

    @classmethod
    def fit(cls, records: Sequence[Record]) -> "FeatureTransform":
        if not records:
            raise DataError("cannot fit the feature transform on an empty split; provide more rows")
        medians, means, scales = [], [], []
        for column in range(len(NUMERIC_COLUMNS)):
            present = [numbers[column] for _, numbers, _ in records if numbers[column] is not None]
            median = statistics.median(present) if present else 0.0
            filled = [median if numbers[column] is None else numbers[column] for _, numbers, _ in records]
            mean = statistics.fmean(filled)
            scale = statistics.pstdev(filled, mean)
            medians.append(median)
            means.append(mean)
            scales.append(scale if scale > 0 else 1.0)  # a constant column stays 0 rather than dividing by zero
        categories = sorted({sex for sex, _, _ in records})
        return cls(medians, means, scales, categories)

    def features(self, record: Record) -> List[float]:
        sex, numbers, _ = record
        scaled = []
        for column, value in enumerate(numbers):
            filled = self.medians[column] if value is None else value
            scaled.append((filled - self.means[column]) / self.scales[column])
        # A category unseen in training encodes as all zeros.
        return scaled + [1.0 if sex == category else 0.0 for category in self.categories]

    def rows(self, records: Sequence[Record]) -> List[List[float]]:
        """Label first, then the features."""
        return [[record[2]] + self.features(record) for record in records]


def split(records: Sequence[Record], seed: int = 42,
          fractions: Tuple[float, float] = (0.7, 0.15)) -> Dict[str, List[Record]]:
    """Shuffle deterministically, then cut into train / validation / test (the rest)."""
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    n_train = int(len(shuffled) * fractions[0])
    n_validation = int(len(shuffled) * fractions[1])
    return {
        "train": shuffled[:n_train],
        "validation": shuffled[n_train:n_train + n_validation],
        "test": shuffled[n_train + n_validation:],
    }


def preprocess(records: Sequence[Record], seed: int = 42) -> Dict[str, List[List[float]]]:
    """Records -> transformed rows per split."""
    parts = split(records, seed)
    transform = FeatureTransform.fit(parts["train"])
    return {name: transform.rows(part) for name, part in parts.items()}


def read_input(input_dir: str) -> List[Record]:
    files = sorted(
        os.path.join(root, name) for root, _, names in os.walk(input_dir) for name in names if name.endswith(".csv")
    )
    if not files:
        raise DataError(f"no .csv file under {input_dir}; check the InputDataUrl pipeline parameter")
    records: List[Record] = []
    for path in files:
        with open(path, newline="") as handle:
            records.extend(parse_rows(csv.reader(handle), source=path))
    return records


def write_splits(rows_by_split: Dict[str, List[List[float]]], output_dir: str) -> Dict[str, str]:
    written = {}
    for name in SPLITS:
        folder = os.path.join(output_dir, name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{name}.csv")
        with open(path, "w", newline="") as handle:
            csv.writer(handle).writerows([[repr(value) for value in row] for row in rows_by_split[name]])
        written[name] = path
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/data")
    parser.add_argument("--output-dir", default="/opt/ml/processing")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    try:
        records = read_input(args.input_dir)
        rows = preprocess(records, args.seed)
        for name, path in write_splits(rows, args.output_dir).items():
            print(f"preprocess: wrote {len(rows[name])} rows to {path}")
    except DataError as error:
        print(f"preprocess: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
