"""A real headless Chromium against `streamlit run app.py`: chart, click, filter URL, link.

Uses Debian's chromium (never a browser downloaded by Playwright). Without it the test is
skipped, unless TIMELINE_REQUIRE_BROWSER=1 (set by .ci/run): then it fails.
Screenshots go to /tmp/timeline-browser-*.png.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path("/tmp")


def _missing(reason: str):
    if os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required but {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`streamlit run app.py` on a free local port, headless, without telemetry."""
    port = _free_port()
    env = dict(os.environ, TIMELINE_STORE=str(tmp_path_factory.mktemp("store") / "c.sqlite3"))
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w+")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.seek(0)
            pytest.fail(f"streamlit did not start:\n{log.read()[-3000:]}")
        time.sleep(0.5)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        _missing(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _open(browser, url: str, requests: list[str] | None = None):
    """A fresh page (own context: no shared session) showing `url` with its chart drawn;
    every URL the page requests is appended to `requests`."""
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    page = context.new_page()
    if requests is not None:
        page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=90_000)
    _settle(page)
    return page


def _settle(page):
    """Wait until Streamlit has finished its rerun."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(300)


def _shown(page) -> int:
    caption = page.get_by_text(re.compile(r"\d+ articles · ")).first.inner_text()
    return int(re.search(r"(\d+) shown", caption).group(1))


def _x_range(page) -> list:
    return page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")


def _to_minute(x_range: list) -> list[str]:
    """A Plotly x range to the minute, with "T" (the server keeps a zoom to the minute)."""
    return [str(t).replace(" ", "T")[:16] for t in x_range]


def _window_settled(page) -> list[str]:
    """The chart's x range once the URL's window says the same: a drag sends several ranges,
    and the server may still be taking in the last ones when the URL first changes."""
    deadline = time.monotonic() + 30
    while True:
        shown = _to_minute(_x_range(page))
        in_url = re.search(r"window=([^&]+)", page.url)
        if in_url and urllib.parse.unquote(in_url.group(1)).split("/") == shown:
            return shown
        assert time.monotonic() < deadline, f"window in URL {page.url} never became {shown}"
        page.wait_for_timeout(300)
        _settle(page)


def _points(page) -> int:
    return page.locator(".js-plotly-plot .scatterlayer path.point").count()


def test_chart_click_filter_and_link(browser, server):  # browser first: it may skip
    requests: list[str] = []
    page = _open(browser, server, requests)
    assert "corpus=" in page.url
    assert _points(page) >= 10
    assert _shown(page) >= 10
    page.screenshot(path=str(SHOTS / "timeline-browser-start.png"))

    # Zoom in (drag a box around the first exact-day marker), then click that marker: its
    # source sentence appears below, with marks, and the zoom stays.
    point = page.locator(".js-plotly-plot .scatterlayer .trace").first.locator("path.point")
    box = point.first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    whole = _x_range(page)
    page.mouse.move(x - 120, y - 30)
    page.mouse.down()
    page.mouse.move(x + 120, y + 30, steps=8)
    page.mouse.up()
    page.wait_for_timeout(800)
    zoomed = _x_range(page)
    assert zoomed != whole
    box = point.first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    page.screenshot(path=str(SHOTS / "timeline-browser-hover.png"))
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    passage = page.locator(".source-passage")
    passage.wait_for(timeout=30_000)
    _settle(page)
    sentence = passage.inner_text().strip()
    assert sentence and passage.locator("mark").count() >= 1
    samples = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "samples").glob("*.txt"))
    assert " ".join(sentence.split()) in " ".join(samples.split())
    assert "event=" in page.url
    assert _to_minute(_x_range(page)) == _to_minute(zoomed)
    assert "window=" in page.url  # the zoom travels with the link
    page.screenshot(path=str(SHOTS / "timeline-browser-selected.png"))

    # A filter changes the URL and the events shown.
    before = _shown(page)
    search = page.get_by_label("Search event text")
    search.fill("Oslo")
    search.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=Oslo"), timeout=30_000)
    _settle(page)
    filtered = _shown(page)
    assert 0 < filtered < before
    assert _to_minute(_x_range(page)) == _to_minute(zoomed)  # the zoom survived the filter
    points = _points(page)
    link = page.url
    page.screenshot(path=str(SHOTS / "timeline-browser-filtered.png"))

    # The link in a fresh page (no shared session) restores the same view.
    again = _open(browser, link, requests)
    assert again.get_by_label("Search event text").input_value() == "Oslo"
    assert _shown(again) == filtered
    assert _points(again) == points
    assert again.locator(".source-passage").inner_text().strip() == sentence
    assert _to_minute(_x_range(again)) == _to_minute(zoomed)
    again.screenshot(path=str(SHOTS / "timeline-browser-link.png"))

    # The range slider zooms too: its window goes to the URL and survives a filter change.
    before_slide = again.url
    grabber = again.locator(".rangeslider-grabber-min").first.bounding_box()
    gx, gy = grabber["x"] + grabber["width"] / 2, grabber["y"] + grabber["height"] / 2
    again.mouse.move(gx, gy)
    again.mouse.down()
    again.mouse.move(gx + 80, gy, steps=8)
    again.mouse.up()
    again.wait_for_url(lambda url: url != before_slide and "window=" in url, timeout=30_000)
    _settle(again)
    slid = _window_settled(again)
    assert slid != _to_minute(zoomed) and slid[1] == _to_minute(zoomed)[1]
    again.get_by_label("Search event text").fill("")
    again.get_by_label("Search event text").press("Enter")
    again.wait_for_url(lambda url: "q=Oslo" not in url, timeout=30_000)
    _settle(again)
    assert _shown(again) > filtered and _to_minute(_x_range(again)) == slid

    # Every tab draws without an exception, and the timeline comes back.
    for tab in ("Events", "Publication vs event", "Actors", "Articles", "Export", "Timeline"):
        again.get_by_role("tab", name=tab).click()
        _settle(again)
        assert again.locator('[data-testid="stException"]').count() == 0, tab
        if tab == "Events":
            again.screenshot(path=str(SHOTS / "timeline-browser-table.png"))
    again.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=30_000)

    # Everything came from the local server: no CDN, fonts or telemetry from elsewhere.
    foreign = [u for u in requests if not u.startswith((server, "data:", "blob:"))]
    assert requests and not foreign


def test_exported_html_works_offline(browser, tmp_path):
    """The standalone HTML export draws its chart from a file, with no request elsewhere."""
    from timeline.export import to_html
    from timeline.figures import timeline_figure
    from timeline.pipeline import extract
    from timeline.reading import read_paths

    extraction = extract(read_paths([ROOT / "samples"]).documents)
    page_file = tmp_path / "timeline.html"
    page_file.write_text(to_html(extraction, timeline_figure(extraction)), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.point", timeout=60_000)
    assert page.locator("table tbody tr").count() == len(extraction.events)
    page.screenshot(path=str(SHOTS / "timeline-browser-export.png"))
    assert all(u.startswith(("file:", "data:", "blob:")) for u in requests)
    context.close()
