"""The HTML page in a real headless Chromium: loads offline, search works, hostile text stays text.

Needs Debian's chromium and chromium-driver (installed by .ci/run); skipped with a reason otherwise.
"""
import os
import shutil
import time

import pytest

from kg.export.html_export import write_html
from tests.export.test_exports import hostile_graph

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs chromium and chromedriver")]

PWN = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach for the network
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path_factory.mktemp('chrome')}", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory, browser):
    graph = hostile_graph()
    graph.nodes["c:y"]["aliases"] = ["تيك توك", "تيخوك", PWN]
    graph.nodes["c:y"]["label"] = "تيك توك"
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(graph, path)
    browser.get(path.as_uri())
    for _ in range(50):
        if browser.execute_script("return !!window.kgNetwork"):
            break
        time.sleep(0.2)
    return browser


def test_page_loads_without_errors_or_network(page):
    assert page.execute_script("return !!window.kgNetwork")
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    requests = [e["message"] for e in page.get_log("performance") if "Network.requestWillBeSent" in e["message"]]
    assert not [r for r in requests if '"url":"http' in r]


def test_search_finds_an_actor_by_another_spelling(page):
    from selenium.webdriver.common.by import By

    box = page.find_element(By.ID, "search")
    box.clear()
    box.send_keys("تيخوك")
    buttons = page.find_elements(By.CSS_SELECTOR, "#matches button")
    assert [b.text for b in buttons] == ["تيك توك"]
    buttons[0].click()
    assert "تيخوك" in page.find_element(By.ID, "info").text


def test_injected_script_in_article_text_never_runs(page):
    from selenium.webdriver.common.by import By

    box = page.find_element(By.ID, "search")
    box.clear()
    box.send_keys("pwned")  # the hostile alias is searchable text
    page.find_elements(By.CSS_SELECTOR, "#matches button")[0].click()
    assert "onerror" in page.find_element(By.ID, "info").text  # shown, as text
    assert page.execute_script("return window.__pwned") is None
    assert page.execute_script("return document.querySelectorAll('#info img, #info script').length") == 0
