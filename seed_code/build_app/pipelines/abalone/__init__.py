"""The abalone regression pipeline: preprocess -> train (XGBoost) -> evaluate -> check MSE -> register.

`pipeline.build_definition` returns the pipeline definition as plain JSON-ready data; `preprocess.py` and
`evaluate.py` are standalone scripts that run inside the processing containers (they import nothing from this
package, because only the single file is uploaded).
"""
