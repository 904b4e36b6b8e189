"""The web app: JSON API in-process (ASGI transport), security limits, the brief, and a real browser."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from geopol.errors import InputError
from geopol.web import create_app

STATIC = Path(__file__).resolve().parent.parent / "src" / "geopol" / "web" / "static"


@pytest.fixture
def store_copy(example_store, tmp_path) -> Path:
    path = tmp_path / "web.duckdb"
    shutil.copy(example_store, path)
    return path


def call(app, method: str, url: str, **kw) -> httpx.Response:
    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, url, **kw)

    return asyncio.run(go())


def test_api_network_pair_and_lists(store_copy):
    app = create_app(store_copy)
    meta = call(app, "GET", "/api/meta").json()
    assert meta["counts"]["documents"] == 1 and meta["allow_ingest"] is False
    net = call(app, "GET", "/api/network", params={"at": "2024-11-01"}).json()
    edges = {e["id"]: e for e in net["edges"]}
    assert edges["CHN-PRK"]["sign"] == "+" and 0 < edges["CHN-PRK"]["strength"] <= 1
    assert edges["KOR-PRK"]["sign"] == "-"
    bloc = {n["id"]: n["bloc"] for n in net["nodes"]}
    assert bloc["CHN"] == bloc["PRK"] != bloc["KOR"] == bloc["USA"]
    pair = call(app, "GET", "/api/pair/PRK/CHN").json()
    assert (pair["a"], pair["b"]) == ("CHN", "PRK") and pair["current"]["tie"] > 0
    troops = [e for e in pair["evidence"] if "400,000 soldiers" in e["text"]]
    assert troops and troops[0]["kind"] == "event" and troops[0]["when"] == "1950-06-25"
    # the span sits in its document exactly where the offsets say
    ev = troops[0]
    assert ev["end"] - ev["start"] == len(ev["text"])
    assert ev["before"].endswith("1949. ") and ev["after"].startswith(" Since then")
    assert any(r["kind"] == "protector" for r in pair["relations"])
    facts = [e for e in pair["events"] if e["modality"] in ("asserted", "reported")]  # what happened, not plans
    assert sum(r["events"] for r in pair["timeline"]) == len(facts)
    actors = call(app, "GET", "/api/actors", params={"q": "pyong"}).json()
    assert [a["code"] for a in actors] == ["PRK"]
    assert call(app, "GET", "/api/claims").json()
    hyps = call(app, "GET", "/api/hypotheses").json()
    assert any("wane" in h["condition"] for h in hyps)


def test_every_page_has_a_json_twin_in_the_openapi_schema(store_copy):
    app = create_app(store_copy)
    paths = set(call(app, "GET", "/openapi.json").json()["paths"])
    assert {"/api/network", "/api/pair/{a}/{b}", "/api/actors", "/api/claims", "/api/hypotheses",
            "/api/whatif", "/api/meta", "/api/ingest"} <= paths
    for page in ("/", "/actors", "/claims", "/hypotheses", "/whatif", "/pair/CHN/PRK"):
        r = call(app, "GET", page)
        assert r.status_code == 200 and "<main id=\"main\">" in r.text


def test_assets_come_from_the_package_not_a_cdn(store_copy):
    app = create_app(store_copy)
    r = call(app, "GET", "/static/vendor/cytoscape.min.js")
    assert r.status_code == 200 and len(r.content) > 100_000
    for name in ("index.html", "app.js"):
        text = (STATIC / name).read_text()
        assert not re.search(r"(src|href)=[\"']https?://", text), name
        assert "fetch(\"http" not in text


def test_bad_requests_get_one_clear_error(store_copy):
    app = create_app(store_copy)
    r = call(app, "GET", "/api/network", params={"at": "yesterday"})
    assert r.status_code == 400 and "not a date" in r.json()["error"]
    r = call(app, "GET", "/api/pair/CHN/XXX")
    assert r.status_code == 400 and "unknown actor" in r.json()["error"]
    r = call(app, "POST", "/api/whatif", json={"set": {"CHN-PRK": 3}})
    assert r.status_code == 400 and "[-1, 1]" in r.json()["error"]
    # a query string is data, never SQL
    assert call(app, "GET", "/api/actors", params={"q": "'; DROP TABLE mentions; --"}).json() == []
    assert call(app, "GET", "/api/actors").json()


def test_no_endpoint_reads_an_unconfigured_path(store_copy):
    app = create_app(store_copy)
    for url in ("/static/../../../pyproject.toml", "/static/%2e%2e/%2e%2e/app.py", "/api/pair/..%2F..%2Fetc/passwd"):
        r = call(app, "GET", url)
        assert r.status_code in (400, 404), url
        assert "[project]" not in r.text and "root:" not in r.text


def test_read_only_unless_ingest_is_allowed(store_copy):
    app = create_app(store_copy)
    r = call(app, "POST", "/api/ingest", json={"text": "China condemned Japan on Monday."})
    assert r.status_code == 403
    app = create_app(store_copy, allow_ingest=True, max_ingest_bytes=2000)
    text = "On 3 March 2025, Japan condemned North Korea after a missile test. South Korea met Japan in Tokyo."
    r = call(app, "POST", "/api/ingest", json={"text": text, "title": "test", "date": "2025-03-04"})
    assert r.status_code == 200, r.text
    assert r.json()["documents"]
    assert call(app, "GET", "/api/meta").json()["counts"]["documents"] == 2
    r = call(app, "POST", "/api/ingest", json={"text": "x" * 5000})
    assert r.status_code == 413


def test_request_bodies_are_bounded(store_copy):
    app = create_app(store_copy)
    r = call(app, "POST", "/api/whatif", content=b"{" + b" " * 100_000 + b"}",
             headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_whatif_reports_blocs_before_and_after(store_copy):
    app = create_app(store_copy)
    r = call(app, "POST", "/api/whatif", json={"at": "2024-11-01", "set": {"CHN-PRK": -1, "PRK-RUS": -1,
                                                                          "KOR-PRK": 1, "PRK-USA": 1}})
    d = r.json()
    assert r.status_code == 200 and "PRK" in d["switched"]
    assert len(d["baseline"]["sides"]) == 2 and len(d["changed"]["sides"]) == 2


def test_serve_refuses_a_missing_store(cli, tmp_path):
    code, _, err = cli("serve", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and err.startswith("error: no store at")
    with pytest.raises(InputError):
        create_app(tmp_path / "none.duckdb")


def test_report_brief(cli, store_copy, tmp_path):
    out = tmp_path / "brief.html"
    code, _, err = cli("--db", str(store_copy), "report", "China", "North Korea", "--out", str(out))
    assert code == 0, err
    page = out.read_text()
    for part in ("China – North Korea", "Current tie", "Timeline", "data:image/png;base64,", "Key events",
                 "<mark>Formal exchanges began shortly after", "Blocs", "What changed when"):
        assert part in page, part
    assert "http://" not in page and "https://" not in page
    code, _, err = cli("--db", str(store_copy), "report", "CHN", "PRK", "--out", str(tmp_path / "b.docx"))
    assert code == 1 and "give a .html or .pdf" in err


# -- a real browser ----------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(store_copy):
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store_copy), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def writable_server(store_copy):
    """A server that allows ingest with a per-start token, as `geopol serve --allow-ingest` runs it."""
    import uvicorn

    port, token = _free_port(), "t0k3n-for-this-start"
    srv = uvicorn.Server(uvicorn.Config(create_app(store_copy, allow_ingest=True, ingest_token=token),
                                        host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", token
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip("Chromium not installed (apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


_EDGE_POINTS = """id => {
  const cy = window.geopolCy, e = cy.$('#' + id);
  const a = e.source().renderedPosition(), b = e.target().renderedPosition();
  const nodes = cy.nodes().filter(n => !n.data('isBloc'));
  const out = [];
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
    const x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y);
    const hidden = nodes.some(n => { const bb = n.renderedBoundingBox({includeLabels: true});
      return x >= bb.x1 - 4 && x <= bb.x2 + 4 && y >= bb.y1 - 4 && y <= bb.y2 + 4; });
    if (!hidden) out.push([x, y]);
  }
  return out;
}"""


def test_browser_click_an_edge_and_see_the_evidence(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-graph='2024-11-01']")
    box = page.locator("#graph").bounding_box()
    # points along the drawn edge that no node covers (the force layout places nodes anew each run)
    points = page.evaluate(_EDGE_POINTS, "CHN-PRK")
    assert points, "the CHN-PRK edge is hidden under nodes everywhere"
    for x, y in points[:5]:
        page.mouse.click(box["x"] + x, box["y"] + y)  # a real click on the drawn edge
        if page.locator("#side[data-pair='CHN-PRK']").count():
            break
    page.wait_for_selector("#side[data-pair='CHN-PRK'] #evidence mark")
    assert page.locator("#pair-title").inner_text() == "China – North Korea"
    marks = page.locator("#evidence mark").all_inner_texts()
    assert any("400,000 soldiers" in m for m in marks)
    assert page.locator("#timeline rect").count() >= 2
    cut = page.evaluate("""() => { const svg = document.querySelector('#timeline').getBoundingClientRect();
        return [...document.querySelectorAll('#timeline text')].filter(t => {
            const b = t.getBoundingClientRect(); return b.left < svg.left - 1 || b.right > svg.right + 1;
        }).map(t => t.textContent); }""")
    assert cut == [], cut  # no label runs off the timeline ("a" for "ally")
    shot = tmp_path / "network.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    # the slider moves the date: before 1961 there is no alliance, so the network changes
    page.locator("#day").fill("0")
    page.wait_for_selector("body[data-graph='1950-06-25']")
    page.wait_for_selector("#side[data-at='1950-06-25']")  # the open pair follows the slider
    assert "1950-06-25" in page.locator("#tie-at").inner_text()
    assert not errors, errors


def test_browser_api_page_works_offline_under_the_csp(server, browser):
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(server) else route.continue_())
    response = page.goto(server + "/docs")  # anything off this server is cut: the page must not need it
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("body[data-ready='1']")
    text = page.locator("#ops").inner_text()
    assert "GET /api/network" in text and "POST /api/whatif" in text and not errors


def test_browser_whatif_and_lists(server, browser):
    page = browser.new_page()
    page.goto(server + "/whatif")
    page.wait_for_selector("body[data-ready='1']")
    page.fill("#wa", "CHN")
    page.fill("#wb", "PRK")
    page.locator("#wv").fill("-1")
    page.click("#wrun")
    page.wait_for_selector("#switched")
    assert "Switch sides" in page.locator("#switched").inner_text()
    page.goto(server + "/actors")
    page.wait_for_selector("body[data-ready='1']")
    page.fill("#q", "Beijing")
    from playwright.sync_api import expect  # (wait_for_function would need eval, which the page's CSP forbids)

    expect(page.locator("#list tr")).to_have_count(2)
    assert "CHN" in page.locator("#list").inner_text()
    page.goto(server + "/claims")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("table tr").count() > 1


def test_foreign_hosts_and_origins_are_refused(store_copy):
    app = create_app(store_copy, allow_ingest=True)
    ok = call(app, "GET", "/api/meta")
    assert ok.status_code == 200
    for k in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert k in ok.headers
    assert "frame-ancestors 'none'" in ok.headers["Content-Security-Policy"]
    for host in ("attacker.com", "rebind.evil.example", "127.0.0.1.evil.example", ""):
        r = call(app, "GET", "/api/network", headers={"Host": host})
        assert r.status_code == 400 and "unknown host" in r.json()["error"]
    # a page on another site posting through a rebound name, or with a foreign Origin, writes nothing
    r = call(app, "POST", "/api/ingest", json={"text": "China protested to Japan.", "date": "2024-01-01"},
             headers={"Host": "rebind.evil.example", "Origin": "http://rebind.evil.example"})
    assert r.status_code == 400
    r = call(app, "POST", "/api/ingest", json={"text": "China protested to Japan.", "date": "2024-01-01"},
             headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert call(app, "GET", "/api/meta").json()["counts"]["documents"] == 1
    for host in ("localhost:8000", "[::1]:8000", "127.0.0.1"):
        assert call(app, "GET", "/api/meta", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("url, body", [
    ("/api/whatif", {"set": "CHN-PRK=-0.5"}),
    ("/api/whatif", {"set": {"CHN-PRK": -0.5}, "at": {"y": 2024}}),
    ("/api/whatif", {"scale": ["RUS"]}),
    ("/api/whatif", {"set": {"CHN-PRK": "much"}}),
    ("/api/ingest", {"text": "China protested.", "date": 20240101}),
    ("/api/ingest", {"text": "China \ud800 protested."}),
    ("/api/ingest", {"text": "China protested.", "title": ["x"]}),
    ("/api/ingest", {"text": 5}),
])
def test_hostile_bodies_are_4xx_with_a_message(store_copy, url, body):
    import json as _json

    app = create_app(store_copy, allow_ingest=True)
    raw = _json.dumps(body).encode("utf-8")  # \ud800 goes as its JSON escape, as a browser would send it
    r = call(app, "POST", url, content=raw, headers={"Content-Type": "application/json"})
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert r.json().get("error") or r.json().get("detail")


def test_cli_writes_while_the_app_serves(store_copy, example_path, tmp_path):
    """The app holds no connection between requests: `geopol ingest` on the same store works while it
    serves, and the next request sees the new document."""
    import subprocess
    import sys

    app = create_app(store_copy)
    before = call(app, "GET", "/api/meta").json()["counts"]["documents"]
    call(app, "GET", "/api/network")
    extra = tmp_path / "extra.txt"
    extra.write_text("Japan protested to China on Tuesday over the disputed islands.\n")
    done = subprocess.run([sys.executable, "-m", "geopol", "--db", str(store_copy), "ingest", str(extra),
                           "--date", "2025-01-07"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert call(app, "GET", "/api/meta").json()["counts"]["documents"] == before + 1


def test_a_read_during_another_process_write_is_served_or_503(store_copy):
    app = create_app(store_copy)
    cached = call(app, "GET", "/api/claims")
    assert cached.status_code == 200
    writer = subprocess_writer(store_copy)
    try:
        again = call(app, "GET", "/api/claims")  # cached: served although the file is locked
        assert again.status_code == 200 and again.json() == cached.json()
        fresh = call(app, "GET", "/api/pair/CHN/PRK")  # not cached: the store cannot be opened now
        assert fresh.status_code == 503, fresh.text
        assert fresh.headers["Retry-After"] == "2" and "retry" in fresh.json()["error"]
    finally:
        writer.kill()
        writer.wait()
    assert call(app, "GET", "/api/pair/CHN/PRK").status_code == 200  # the writer gone, answered again


def subprocess_writer(path):
    """A process that holds the store open for writing until killed."""
    import subprocess
    import sys
    import time

    code = ("import duckdb, sys, time\ncon = duckdb.connect(sys.argv[1])\nprint('open', flush=True)\n"
            "time.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    time.sleep(0.2)
    return proc


def test_page_and_cli_blocs_agree(store_copy, cli):
    app = create_app(store_copy)
    page = call(app, "GET", "/api/network?at=2024-11-01").json()["blocs"]
    code, out, err = cli("--db", store_copy, "blocs", "--at", "2024-11-01", "--format", "json")
    assert code == 0, err
    assert page == json.loads(out)["blocs"]


def test_writes_need_the_token_of_this_start(store_copy):
    app = create_app(store_copy, allow_ingest=True, ingest_token="s3cret")
    body = {"text": "On 3 March 2025, Japan condemned North Korea after a missile test.", "date": "2025-03-04"}
    assert call(app, "GET", "/api/meta").json()["ingest_token_required"] is True
    for headers in ({}, {"X-Geopol-Token": "guess"}, {"X-Geopol-Token": ""}):
        r = call(app, "POST", "/api/ingest", json=body, headers=headers)
        assert r.status_code == 403 and "token" in r.json()["detail"]
    assert call(app, "GET", "/api/meta").json()["counts"]["documents"] == 1
    r = call(app, "POST", "/api/ingest", json=body, headers={"X-Geopol-Token": "s3cret"})
    assert r.status_code == 200, r.text
    assert call(app, "GET", "/api/meta").json()["counts"]["documents"] == 2


def test_serve_prints_a_url_with_a_new_token_each_start(store_copy, run_process):
    """The real `geopol serve --allow-ingest`: the token is in the printed URL and differs per start."""
    tokens = []
    for _ in range(2):
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "geopol", "serve", "--db", str(store_copy), "--port",
                                 str(port), "--allow-ingest"], stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stderr.readline()
            found = re.search(rf"http://127\.0\.0\.1:{port}/\?token=([\w-]+)", line)
            assert found, line
            tokens.append(found.group(1))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert tokens[0] != tokens[1] and all(len(t) >= 16 for t in tokens)


SECURITY_HEADERS = {"content-security-policy": "frame-ancestors 'none'", "x-content-type-options": "nosniff",
                    "x-frame-options": "DENY"}


def test_browser_every_page_has_the_security_headers_and_renders(server, browser):
    """Each page under its CSP: the headers are there, the page finishes drawing, and the browser reports no
    blocked script or style (a CSP violation is a console error) and no page error."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for url, ready in [("/", "body[data-ready='1']"), ("/actors", "body[data-ready='1']"),
                       ("/claims", "body[data-ready='1']"), ("/hypotheses", "body[data-ready='1']"),
                       ("/whatif", "body[data-ready='1']"), ("/pair/CHN/PRK", "#pairpage #evidence mark"),
                       ("/docs", "body[data-ready='1']")]:
        response = page.goto(server + url)
        assert response.status == 200, url
        for name, needle in SECURITY_HEADERS.items():
            assert needle in response.headers.get(name, ""), (url, name)
        page.wait_for_selector(ready)
        assert page.locator("main, body").first.inner_text().strip(), url
    assert not problems, problems


def test_browser_ingest_with_the_printed_url(writable_server, browser):
    """Opened from the URL with the token, the page ingests and drops the token from the address bar; a page
    opened without it (another tab the user did not open from that URL) is refused."""
    base, token = writable_server
    page = browser.new_page()
    page.goto(f"{base}/?token={token}")
    page.wait_for_selector("body[data-ready='1']")
    assert "token" not in page.url
    page.fill("#itext", "On 3 March 2025, Japan condemned North Korea after a missile test.")
    page.fill("#idate", "2025-03-04")
    page.click("#igo")
    page.wait_for_selector("#iout:has-text('events')", timeout=60_000)
    other = browser.new_context().new_page()
    other.goto(base + "/")
    other.wait_for_selector("body[data-ready='1']")
    other.fill("#itext", "On 4 March 2025, China condemned Japan.")
    other.click("#igo")
    other.wait_for_selector("#status:has-text('token')", timeout=30_000)
    r = httpx.get(base + "/api/meta")
    assert r.json()["counts"]["documents"] == 2
