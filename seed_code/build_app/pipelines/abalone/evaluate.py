"""Model evaluation; runs as a SageMaker processing job in the XGBoost container.

Unpacks `model.tar.gz`, predicts the test split (headerless CSV, label first) and writes the regression metrics in
the Model Registry's model-quality format to `<output>/evaluation.json`:

    {"regression_metrics": {"mse": {"value": ..., "standard_deviation": ...}, "rmse": {...}, "mae": {...}}}

The pipeline's condition step reads `regression_metrics.mse.value`. Only `load_predictor` needs xgboost; the rest is
standard library so it can be tested anywhere.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import pickle
import sys
import tarfile
from typing import Callable, List, Optional, Sequence, Tuple

Predictor = Callable[[List[List[float]]], Sequence[float]]
MODEL_FILE = "xgboost-model"


class EvaluationError(ValueError):
    """The inputs of the evaluation cannot be used."""


def read_test_set(rows: Sequence[Sequence[str]], source: str = "<test>") -> Tuple[List[float], List[List[float]]]:
    """Headerless CSV rows, label first -> (labels, feature rows)."""
    labels: List[float] = []
    features: List[List[float]] = []
    for line, row in enumerate(rows, start=1):
        if not row:
            continue
        try:
            values = [float(cell) for cell in row]
        except ValueError as error:
            raise EvaluationError(f"{source}:{line}: not a number ({error})") from None
        labels.append(values[0])
        features.append(values[1:])
    if not labels:
        raise EvaluationError(f"{source}: the test split is empty; the preprocessing step must write test rows")
    return labels, features


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _std(values: Sequence[float]) -> float:
    mean = _mean(values)
    return math.sqrt(math.fsum((value - mean) ** 2 for value in values) / len(values))


def regression_metrics(labels: Sequence[float], predictions: Sequence[float]) -> dict:
    """MSE (with the standard deviation of the residuals, as the registry format asks), RMSE and MAE."""
    if len(labels) != len(predictions):
        raise EvaluationError(f"{len(labels)} labels but {len(predictions)} predictions")
    if not labels:
        raise EvaluationError("no rows to evaluate")
    residuals = [float(label) - float(prediction) for label, prediction in zip(labels, predictions)]
    squared = [residual * residual for residual in residuals]
    absolute = [abs(residual) for residual in residuals]
    mse = _mean(squared)
    return {
        "regression_metrics": {
            "mse": {"value": mse, "standard_deviation": _std(residuals)},
            "rmse": {"value": math.sqrt(mse), "standard_deviation": _std(residuals)},
            "mae": {"value": _mean(absolute), "standard_deviation": _std(absolute)},
        }
    }


def extract_model(model_dir: str) -> str:
    """Unpacks `model.tar.gz` in place (refusing paths that leave the folder) and returns the model file's path."""
    archive = os.path.join(model_dir, "model.tar.gz")
    if os.path.exists(archive):
        root = os.path.realpath(model_dir)
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                target = os.path.realpath(os.path.join(model_dir, member.name))
                if os.path.commonpath([root, target]) != root:
                    raise EvaluationError(f"{archive}: entry '{member.name}' points outside {model_dir}")
            if hasattr(tarfile, "data_filter"):  # Python 3.12+ (and security backports): no links out, no devices
                tar.extractall(model_dir, filter="data")
            else:
                tar.extractall(model_dir)
    path = os.path.join(model_dir, MODEL_FILE)
    if not os.path.exists(path):
        raise EvaluationError(f"{model_dir}: no '{MODEL_FILE}' (from model.tar.gz); check the training step output")
    return path


def load_predictor(model_path: str) -> Predictor:  # pragma: no cover - needs xgboost (present in the container)
    import xgboost  # noqa: PLC0415 - only available inside the XGBoost container

    booster = xgboost.Booster()
    try:
        booster.load_model(model_path)  # XGBoost containers 1.3-1 and later save the native format
    except xgboost.core.XGBoostError:
        with open(model_path, "rb") as handle:  # older containers pickled the booster
            booster = pickle.load(handle)

    def predict(rows: List[List[float]]) -> Sequence[float]:
        return [float(value) for value in booster.predict(xgboost.DMatrix(rows))]

    return predict


def evaluate(test_path: str, predictor: Predictor) -> dict:
    with open(test_path, newline="") as handle:
        labels, features = read_test_set(list(csv.reader(handle)), source=test_path)
    return regression_metrics(labels, predictor(features))


def write_report(report: dict, output_dir: str) -> str:
    os.makedirs(output_dir, exist_ok=True)
    path = os.path.join(output_dir, "evaluation.json")
    with open(path, "w") as handle:
        json.dump(report, handle, indent=2, sort_keys=True)
    return path


def main(argv: Optional[Sequence[str]] = None, predictor_factory: Callable[[str], Predictor] = load_predictor) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", default="/opt/ml/processing/model")
    parser.add_argument("--test-file", default="/opt/ml/processing/test/test.csv")
    parser.add_argument("--output-dir", default="/opt/ml/processing/evaluation")
    args = parser.parse_args(argv)
    try:
        predictor = predictor_factory(extract_model(args.model_dir))
        report = evaluate(args.test_file, predictor)
        path = write_report(report, args.output_dir)
    except (EvaluationError, OSError) as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 1
    print(f"evaluate: mse={report['regression_metrics']['mse']['value']:.4f}, report at {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
