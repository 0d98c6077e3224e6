"""Makes `pipelines` importable for the tests, whether pytest runs here or from the folder above."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)
