"""evaluate.py: metrics by hand, the model archive, and the report the condition step reads."""
import io
import json
import math
import tarfile

import pytest

from pipelines.abalone import evaluate as ev
from pipelines.abalone import pipeline as p


def test_regression_metrics_by_hand():
    report = ev.regression_metrics([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])["regression_metrics"]
    # residuals 0, 0, -2: mean -2/3, variance ((2/3)^2 * 2 + (4/3)^2) / 3 = 8/9
    assert report["mse"]["value"] == pytest.approx(4 / 3)
    assert report["mse"]["standard_deviation"] == pytest.approx(math.sqrt(8 / 9))
    assert report["rmse"]["value"] == pytest.approx(math.sqrt(4 / 3))
    assert report["mae"]["value"] == pytest.approx(2 / 3)


def test_perfect_predictions_have_zero_error():
    report = ev.regression_metrics([3.0, 4.0], [3.0, 4.0])["regression_metrics"]
    assert report["mse"] == {"value": 0.0, "standard_deviation": 0.0}


@pytest.mark.parametrize("labels, predictions", [([1.0], [1.0, 2.0]), ([], [])])
def test_regression_metrics_rejects_mismatched_or_empty_input(labels, predictions):
    with pytest.raises(ev.EvaluationError):
        ev.regression_metrics(labels, predictions)


def test_read_test_set_takes_the_label_first():
    labels, features = ev.read_test_set([["9", "0.5", "-1"], [], ["7", "0.25", "1"]])
    assert labels == [9.0, 7.0]
    assert features == [[0.5, -1.0], [0.25, 1.0]]


def test_read_test_set_errors_name_the_line():
    with pytest.raises(ev.EvaluationError, match="test.csv:2"):
        ev.read_test_set([["1", "2"], ["x", "2"]], source="test.csv")
    with pytest.raises(ev.EvaluationError, match="empty"):
        ev.read_test_set([])


def _archive(folder, members):
    with tarfile.open(folder / "model.tar.gz", "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_extract_model_unpacks_the_archive(tmp_path):
    _archive(tmp_path, {"xgboost-model": b"model-bytes"})
    path = ev.extract_model(str(tmp_path))
    assert open(path, "rb").read() == b"model-bytes"


def test_extract_model_refuses_paths_outside_the_folder(tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    _archive(model_dir, {"../escaped": b"x", "xgboost-model": b"m"})
    with pytest.raises(ev.EvaluationError, match="outside"):
        ev.extract_model(str(model_dir))
    assert not (tmp_path / "escaped").exists()


def test_extract_model_without_a_model_file_is_an_error(tmp_path):
    _archive(tmp_path, {"other": b"x"})
    with pytest.raises(ev.EvaluationError, match="xgboost-model"):
        ev.extract_model(str(tmp_path))


def test_main_writes_the_report_the_condition_step_reads(tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    _archive(model_dir, {"xgboost-model": b"m"})
    test_file = tmp_path / "test.csv"
    test_file.write_text("10,1.0,0\n12,2.0,1\n")
    seen = {}

    def factory(path):
        seen["model"] = path

        def predict(rows):
            seen["rows"] = rows
            return [11.0, 11.0]

        return predict

    out = tmp_path / "evaluation"
    assert ev.main(["--model-dir", str(model_dir), "--test-file", str(test_file), "--output-dir", str(out)],
                   predictor_factory=factory) == 0
    assert seen == {"model": str(model_dir / "xgboost-model"), "rows": [[1.0, 0.0], [2.0, 1.0]]}
    report = json.loads((out / "evaluation.json").read_text())
    value = report
    for key in p.MSE_PATH.split("."):  # the JsonGet path of the pipeline's condition
        value = value[key]
    assert value == pytest.approx(1.0)


def test_main_reports_a_missing_test_file(tmp_path, capsys):
    _archive(tmp_path, {"xgboost-model": b"m"})
    code = ev.main(["--model-dir", str(tmp_path), "--test-file", str(tmp_path / "nope.csv"),
                    "--output-dir", str(tmp_path / "out")], predictor_factory=lambda path: (lambda rows: []))
    assert code == 1
    assert "nope.csv" in capsys.readouterr().err
