"""The injectors' old address: `auditor.synth.injectors` is their package now.

NOTE: kept only so that `from auditor.synth.defects import inject, injectable_kinds, Defect`
(auditor/synth/corpus.py, auditor/synth/evaluate.py, tests/test_recall.py,
tests/engine/test_spark.py) keeps working; it imports the package and nothing imports it
back. Import from `auditor.synth.injectors` in new code.
"""

from auditor.synth.injectors import KINDS, Defect, inject, injectable_kinds

__all__ = ["KINDS", "Defect", "inject", "injectable_kinds"]
