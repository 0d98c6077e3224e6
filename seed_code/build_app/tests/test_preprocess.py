"""preprocess.py on tiny in-memory data and on a temporary folder."""
import csv
import io
import statistics

import pytest

from pipelines.abalone import preprocess as pre


def make_rows(count, sexes=("M", "F", "I")):
    rows = []
    for i in range(count):
        measurements = [f"{0.1 * (i % 7) + 0.01 * column:.3f}" for column in range(7)]
        rows.append([sexes[i % len(sexes)]] + measurements + [str(5 + i % 11)])
    return rows


def test_parse_rows_reads_sex_measurements_and_label():
    (record,) = pre.parse_rows([["M", "0.455", "0.365", "0.095", "0.514", "0.2245", "0.101", "0.15", "15"]])
    assert record == ("M", [0.455, 0.365, 0.095, 0.514, 0.2245, 0.101, 0.15], 15.0)


def test_parse_rows_marks_missing_values_and_skips_blank_lines():
    records = pre.parse_rows([[], ["", "?", "0.3", "NA", "1", "1", "1", "1", "7"], [" ", " "]])
    assert records == [("missing", [None, 0.3, None, 1.0, 1.0, 1.0, 1.0], 7.0)]


@pytest.mark.parametrize(
    "row, message",
    [
        (["M", "1", "2"], "expected 9 columns"),
        (["M", "x", "1", "1", "1", "1", "1", "1", "7"], "not a number"),
        (["M", "1", "1", "1", "1", "1", "1", "1", ""], "label"),
    ],
)
def test_parse_rows_rejects_bad_rows_naming_the_line(row, message):
    with pytest.raises(pre.DataError, match=message) as caught:
        pre.parse_rows([make_rows(1)[0], row], source="data.csv")
    assert "data.csv:2" in str(caught.value)


def test_split_is_seeded_disjoint_and_70_15_15():
    records = pre.parse_rows(make_rows(20))
    parts = pre.split(records, seed=7)
    assert [len(parts[name]) for name in pre.SPLITS] == [14, 3, 3]
    assert sorted(map(repr, sum(parts.values(), []))) == sorted(map(repr, records))
    assert pre.split(records, seed=7) == parts
    assert pre.split(records, seed=8) != parts


def test_transform_imputes_medians_and_standardises():
    records = [("M", [1.0, 5.0, 2.0, 0, 0, 0, 0], 1.0), ("F", [3.0, None, 2.0, 0, 0, 0, 0], 2.0),
               ("I", [None, 7.0, 2.0, 0, 0, 0, 0], 3.0)]
    transform = pre.FeatureTransform.fit(records)
    assert transform.medians[:3] == [2.0, 6.0, 2.0]
    assert transform.categories == ["F", "I", "M"]
    rows = transform.rows(records)
    assert [row[0] for row in rows] == [1.0, 2.0, 3.0], "the label comes first"
    for column in (1, 2):  # filled with the median, then scaled to mean 0 and standard deviation 1
        values = [row[column] for row in rows]
        assert statistics.fmean(values) == pytest.approx(0.0, abs=1e-12)
        assert statistics.pstdev(values) == pytest.approx(1.0)
    assert [row[3] for row in rows] == [0.0, 0.0, 0.0], "a constant column becomes 0, not a division by zero"
    assert [row[-3:] for row in rows] == [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]


def test_an_unseen_category_encodes_as_zeros():
    transform = pre.FeatureTransform.fit(pre.parse_rows(make_rows(6, sexes=("M", "F"))))
    features = transform.features(("I", [0.1] * 7, 1.0))
    assert features[-2:] == [0.0, 0.0]


def test_the_transform_is_fitted_on_the_train_split_only():
    rows = make_rows(40)
    for row in rows[:6]:
        row[1] = "100.0"  # outliers: wherever they land, only train rows define the scaling
    records = pre.parse_rows(rows)
    parts = pre.split(records, seed=3)
    out = pre.preprocess(records, seed=3)
    expected = pre.FeatureTransform.fit(parts["train"])
    assert out["test"] == expected.rows(parts["test"])
    train_first = [row[1] for row in out["train"]]
    assert statistics.fmean(train_first) == pytest.approx(0.0, abs=1e-9)
    assert expected.means != pre.FeatureTransform.fit(records).means


def test_fitting_an_empty_split_is_an_error():
    with pytest.raises(pre.DataError, match="empty"):
        pre.FeatureTransform.fit([])


def test_main_writes_three_headerless_splits(tmp_path):
    source = tmp_path / "input"
    source.mkdir()
    buffer = io.StringIO()
    csv.writer(buffer).writerows(make_rows(20))
    (source / "abalone.csv").write_text(buffer.getvalue())
    out = tmp_path / "out"
    assert pre.main(["--input-dir", str(source), "--output-dir", str(out), "--seed", "1"]) == 0
    counts = {}
    for name in pre.SPLITS:
        with open(out / name / f"{name}.csv", newline="") as handle:
            rows = list(csv.reader(handle))
        counts[name] = len(rows)
        assert all(len(row) == 1 + 7 + 3 for row in rows)
        assert all(5.0 <= float(row[0]) <= 15.0 for row in rows), "label first, unscaled"
    assert counts == {"train": 14, "validation": 3, "test": 3}


def test_main_without_input_fails_with_a_hint(tmp_path, capsys):
    assert pre.main(["--input-dir", str(tmp_path), "--output-dir", str(tmp_path / "out")]) == 1
    assert "InputDataUrl" in capsys.readouterr().err
