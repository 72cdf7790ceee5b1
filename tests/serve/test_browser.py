"""The review page in a real headless Chromium: choose the sample in the form, send it, read the findings."""

from __future__ import annotations

import os
import shutil

import pytest
from render import browser

from .cdp import Chromium


@pytest.fixture(scope="module")
def exe():
    return browser.chromium_or_skip()


def test_upload_through_the_form_and_see_the_findings(exe, base_url, sample_path, sample_result, tmp_path):
    n = len(sample_result.issues)
    page = Chromium(exe, tmp_path / "profile")
    try:
        page.goto(base_url + "/")
        assert page.js("document.title") == "预算绩效自评报告发布前审查"
        page.set_files("#files", [sample_path])
        page.js("document.getElementById('submit').click()")
        page.wait("document.getElementById('documents').innerText.includes('得分 85 超过分值 10')")
        text = page.js("document.getElementById('results').innerText")
        assert f"共 1 个文件，{n} 个问题" in text
        assert page.js("document.querySelectorAll('.issue').length") == n
        assert page.js("document.querySelector('.evidence mark') !== null")  # the figure is highlighted
        assert page.js(
            "[...document.querySelectorAll('#downloads a')].map(a => a.href).every(h => h.includes('/download/'))"
        )
        page.screenshot(tmp_path / "review-zh.png")
        page.js("document.querySelector('#filters input[data-sev=error]').click()")  # hide the errors
        assert page.js("document.querySelectorAll('.issue.error').length") == 0
        page.js("document.getElementById('switch').click()")  # English
        page.wait("document.getElementById('summary').innerText.includes('{n} issues')".replace("{n}", str(n)))
        page.screenshot(tmp_path / "review-en.png")
        # NOTE: AUDITOR_SHOTS=DIR keeps the screenshots, to look at the page as a person sees it
        if os.environ.get("AUDITOR_SHOTS"):
            for shot in ("review-zh.png", "review-en.png"):
                shutil.copy(tmp_path / shot, os.path.join(os.environ["AUDITOR_SHOTS"], shot))
    finally:
        page.close()
