"""Save a PNG of a built graph page in headless Chromium (for the README).

    python scripts/screenshot.py outputs/graph.html docs/graph.png
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main(page: Path, png: Path) -> None:
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1400,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    try:
        driver.get(page.resolve().as_uri())
        time.sleep(4)  # physics stabilisation
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    finally:
        driver.quit()
    print(f"wrote {png}")


if __name__ == "__main__":
    defaults = ["outputs/graph.html", "docs/graph.png"]
    args = sys.argv[1:3] + defaults[len(sys.argv[1:3]):]
    main(Path(args[0]), Path(args[1]))
