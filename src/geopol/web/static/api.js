// The API page: the server's OpenAPI description listed as endpoints with their parameters and bodies.
// Served from the app itself (no CDN), so it works offline and under the app's Content-Security-Policy.
"use strict";
(function () {
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  fetch("/openapi.json").then((r) => r.json()).then((spec) => {
    const ops = document.getElementById("ops");
    ops.textContent = "";
    ops.appendChild(el("p", spec.info.title + " " + spec.info.version + ": " + (spec.info.description || "")));
    Object.keys(spec.paths).sort().forEach((path) => {
      Object.entries(spec.paths[path]).forEach(([method, op]) => {
        const sec = el("section", undefined, "op");
        sec.appendChild(el("h2", method.toUpperCase() + " " + path));
        if (op.summary) sec.appendChild(el("p", op.summary));
        const params = op.parameters || [];
        if (params.length) {
          const t = el("table");
          const head = el("tr");
          ["parameter", "in", "required", "description"].forEach((h) => head.appendChild(el("th", h)));
          t.appendChild(head);
          params.forEach((p) => {
            const tr = el("tr");
            [p.name, p.in, p.required ? "yes" : "no", p.description || ""].forEach((v) => tr.appendChild(el("td", v)));
            t.appendChild(tr);
          });
          sec.appendChild(t);
        }
        const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
        if (body) {
          const ex = body.examples || (body.schema && body.schema.examples);
          sec.appendChild(el("p", "JSON body" + (ex ? ", for example:" : ".")));
          if (ex) sec.appendChild(el("pre", JSON.stringify(Array.isArray(ex) ? ex[0] : (Object.values(ex)[0].value || ex), null, 2)));
        }
        ops.appendChild(sec);
      });
    });
    document.body.dataset.ready = "1";
  }).catch((err) => { document.getElementById("ops").textContent = "could not read /openapi.json: " + err; });
})();
