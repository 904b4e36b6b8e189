"""A warm process for the fault-injection tests: it loads geopol and the parser once, then forks one child
per request, so each of the many killed runs costs its own work and not 5-10 s of start-up.

Protocol: one JSON request per line on stdin, one JSON answer per line on stdout.
Request: {"env": {...}, "cli": [args]} runs ``geopol ARGS`` in the child;
         {"env": {...}, "web": {"db": path, "body": {...}}} posts the body to /api/ingest of an app over db.
         "chunk_chars" (optional) lowers the size above which a document is written chunk by chunk.
Answer:  {"signal": N or null, "code": exit code or null}.
Run: python tests/_zygote.py SCRATCH_DIR
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import geopol.ingest  # noqa: E402
import geopol.text.reader  # noqa: E402
from geopol.cli import main  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "china-north-korea-ties.txt"


def run_web(db: str, body: dict) -> int:
    import httpx

    from geopol.web import create_app

    app = create_app(db, allow_ingest=True, max_ingest_bytes=1 << 22)

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.post("/api/ingest", json=body)

    r = asyncio.run(go())
    return 0 if r.status_code == 200 else 1


def child(req: dict) -> int:
    os.environ.update(req.get("env", {}))
    if req.get("chunk_chars"):
        geopol.ingest.CHUNK_CHARS = req["chunk_chars"]
        geopol.text.reader.chunks.__kwdefaults__["size"] = req["chunk_chars"]
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    if "web" in req:
        return run_web(req["web"]["db"], req["web"]["body"])
    return main(req["cli"])


def serve(scratch: Path) -> None:
    with contextlib.redirect_stdout(sys.stderr):  # warm up: parse one article into a throwaway store
        main(["--db", str(scratch / "warm.duckdb"), "ingest", str(EXAMPLE), "--date", "2024-11-01"])
        run_web(str(scratch / "warm.duckdb"), {"text": "China condemned Japan on Monday.", "date": "2024-11-02"})
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                code = child(req)
            finally:
                os._exit(code or 0)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                          "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None}), flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
