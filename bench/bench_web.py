"""Benchmark: the web app under concurrent load on loopback.

Starts `geopol serve` (a real uvicorn server, its own process) on a store
built from the bundled article, then fires N concurrent API requests (default
400: network, pair, actors, claims, meta in rotation) from one httpx client
allowing N connections at once, and reports errors, p50 and p99 latency. The
baseline, measured in the same run with the same concurrency, is a static
asset (`/static/app.css`): the server's own floor. Printed: the ratio of API
p50 and p99 to the static p50 and p99.

Run: python3 bench/bench_web.py [N]
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

URLS = ["/api/network?at=2024-11-01", "/api/pair/CHN/PRK", "/api/actors?q=korea", "/api/claims", "/api/meta"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def fire(base: str, urls: list[str], n: int) -> tuple[list[float], int, float]:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        async def one(url):
            t = time.perf_counter()
            try:
                r = await client.get(url)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            return time.perf_counter() - t, ok

        t0 = time.perf_counter()
        results = await asyncio.gather(*(one(urls[k % len(urls)]) for k in range(n)))
        wall = time.perf_counter() - t0
    return sorted(r[0] for r in results), sum(not r[1] for r in results), wall


def pct(xs: list[float], p: float) -> float:
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    import geopol


    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        with geopol.open(db) as g:
            g.ingest(ROOT / "examples" / "china-north-korea-ties.txt", date="2024-11-01")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        proc = subprocess.Popen([sys.executable, "-m", "geopol", "serve", "--db", str(db), "--port", str(port)],
                                env=env, stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(base + "/api/meta", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            asyncio.run(fire(base, URLS, 20))  # warm up: models and caches load once
            static, static_err, static_wall = asyncio.run(fire(base, ["/static/app.css"], n))
            lat, errors, wall = asyncio.run(fire(base, URLS, n))
            # distinct questions: the network at n different dates, none answered before
            dates = [f"/api/network?at={1950 + k % 75}-{1 + k % 12:02d}-{1 + k % 28:02d}" for k in range(n)]
            cold, cold_err, cold_wall = asyncio.run(fire(base, dates, n))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(f"{n} concurrent API requests: {errors} errors, p50 {pct(lat, 50) * 1000:.0f} ms, "
          f"p99 {pct(lat, 99) * 1000:.0f} ms, all done in {wall:.2f} s ({n / wall:.0f} requests/s)")
    print(f"{n} concurrent static requests (baseline): {static_err} errors, p50 {pct(static, 50) * 1000:.0f} ms, "
          f"p99 {pct(static, 99) * 1000:.0f} ms, {static_wall:.2f} s")
    print(f"{n} concurrent network requests at distinct dates (uncached): {cold_err} errors, "
          f"p50 {pct(cold, 50) * 1000:.0f} ms, p99 {pct(cold, 99) * 1000:.0f} ms, {cold_wall:.2f} s "
          f"({n / cold_wall:.0f} requests/s)")
    print(f"ratio API/static: p50 {pct(lat, 50) / pct(static, 50):.2f}, p99 {pct(lat, 99) / pct(static, 99):.2f}")


if __name__ == "__main__":
    main()
