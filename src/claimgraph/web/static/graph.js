// The network page: the form's filters (kept in the URL) fetch /api/v1/graph, cytoscape draws it
// with a seeded layout (the same data always lands in the same place), and a click on a relation
// shows its claims with their evidence.
(function () {
  const typeColours = { PERSON: "#6a1b9a", ORG: "#00695c", PLACE: "#795548" };
  const gradeColours = { confirmed: "#1b5e20", corroborated: "#0d47a1", "single-source": "#455a64",
    unconfirmed: "#5e35b1", contested: "#a63c00", denied: "#b71c1c" };
  const form = document.getElementById("filters");
  const count = document.getElementById("graph-count");
  let cy = null;

  function seeded(seed) { // mulberry32: a small PRNG, so the layout's randomness is the same on every load
    return function () {
      seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function params() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (v) p.set(k, v);
    return p;
  }

  function text(tag, content, cls) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  async function showEdge(edge) {
    const panel = document.getElementById("edge-panel");
    const response = await fetch("/api/v1/groups/" + encodeURIComponent(edge.id()));
    const g = await response.json();
    if (!response.ok) return;
    document.getElementById("edge-title").textContent = g.subject_name + " " + g.predicate.replace(/_/g, " ") + " " + (g.target || "");
    document.getElementById("edge-basis").textContent = g.grade + ": " + g.reasons.join("; ");
    const list = document.getElementById("edge-claims");
    list.replaceChildren();
    for (const c of g.claims) {
      const li = document.createElement("li");
      li.appendChild(text("span", c.modality + " · " + c.who + " · ", "muted"));
      const a = text("a", "“" + c.evidence.text + "”", "evidence-link");
      a.href = c.provenance.link;
      li.appendChild(a);
      li.appendChild(text("span", " " + (c.provenance.outlet || "outlet unknown") + ", " + (c.provenance.published || "date unknown"), "muted"));
      list.appendChild(li);
    }
    panel.hidden = false;
  }

  async function load() {
    const query = params();
    const response = await fetch("/api/v1/graph?" + query.toString());
    const data = await response.json();
    if (!response.ok) { count.textContent = data.error.message; return; }
    count.textContent = data.nodes.length + " entities, " + data.edges.length + " relations";
    if (cy) cy.destroy();
    const random = Math.random;
    Math.random = seeded(20240601);
    try {
      cy = cytoscape({
        container: document.getElementById("cy"),
        elements: data.nodes.concat(data.edges),
        minZoom: 0.2, maxZoom: 4,
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 14, color: "#222", "text-valign": "bottom",
            "text-margin-y": 4, "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
            "min-zoomed-font-size": 9, "text-wrap": "ellipsis", "text-max-width": 140,
            "background-color": (n) => typeColours[n.data("type")] || "#555",
            width: (n) => 14 + Math.min(30, n.data("mentions")), height: (n) => 14 + Math.min(30, n.data("mentions")) } },
          { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle",
            width: (e) => 1.5 + Math.min(5, e.data("support")), "line-color": (e) => gradeColours[e.data("grade")] || "#999",
            "target-arrow-color": (e) => gradeColours[e.data("grade")] || "#999" } },
          { selector: "edge:selected, edge.hover", style: { label: "data(label)", "font-size": 12, color: "#222",
            "text-background-color": "#fff", "text-background-opacity": 0.9, "text-background-padding": 2, "z-index": 10 } },
          { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffb300" } },
        ],
        layout: { name: "cose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true, nodeRepulsion: 400000,
          idealEdgeLength: 110, nodeOverlap: 40, componentSpacing: 120, gravity: 60, numIter: 2000, padding: 30 },
      });
    } finally {
      Math.random = random;
    }
    cy.on("tap", "edge", (evt) => showEdge(evt.target));
    cy.on("mouseover", "edge", (evt) => evt.target.addClass("hover"));
    cy.on("mouseout", "edge", (evt) => evt.target.removeClass("hover"));
    cy.on("dbltap", "node", (evt) => { window.location.href = "/entities/" + encodeURIComponent(evt.target.id()); });
    window.claimgraphCy = cy;
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const query = params().toString();
    history.replaceState(null, "", "/graph" + (query ? "?" + query : ""));
    load();
  });
  load();
})();
