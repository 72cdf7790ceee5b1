"""Every kind is found when injected into a generated report, and clean reports give nothing.

The generator (auditor.synth) records each injected defect; a defect's own
collateral (a score raised above its weight also breaks 总分) is listed in its
`also` and is not a false alarm. Any other issue is one.
"""
from auditor.synth.defects import injectable_kinds
from auditor.synth.evaluate import measure


def test_every_injected_kind_is_found_and_clean_reports_give_nothing(ruleset):
    m = measure(per_kind=12, clean=120, seed=2026, ruleset=ruleset)
    assert set(m.injected) == set(injectable_kinds())
    missed = {k: [f"{name}: {d.description}" for name, d in m.misses[k]] for k in m.misses if m.misses[k]}
    assert missed == {}
    alarms = [f"{name}: {i.rule} {i.message}" for name, i in m.alarms]
    assert alarms == []
    assert m.clean_reports == 120
