"""Values of an [auditor] section are taken as written, whatever else the file holds."""

from auditor.config import load_settings


def test_a_percent_sign_and_another_tools_default_section(tmp_path):
    (tmp_path / "setup.cfg").write_text(
        "[DEFAULT]\nname = other-tool\n\n[auditor]\nprofile = national\nignore = 100%_RULE\n", encoding="utf-8"
    )
    settings = load_settings(cwd=tmp_path)
    assert dict(settings) == {"profile": "national", "ignore": ["100%_RULE"]}
